CREATE TABLE "case_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"body" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_threads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"vendor_organisation_id" uuid,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_vendors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"invited_at" timestamp (3) with time zone NOT NULL,
	"acknowledged_at" timestamp (3) with time zone,
	"embargo_proposal_id" uuid,
	"embargo_response" text,
	"responded_at" timestamp (3) with time zone,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_vulnerabilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"report_id" uuid,
	"title" text NOT NULL,
	"product" text,
	"cwe" text,
	"vendor_organisation_id" uuid,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"pattern" text,
	"cwe" text,
	"exploited" boolean DEFAULT false NOT NULL,
	"fix_bypass" boolean DEFAULT false NOT NULL,
	"report_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"vendor_count" integer DEFAULT 0 NOT NULL,
	"first_notice_at" timestamp (3) with time zone,
	"embargo_state" text DEFAULT 'none' NOT NULL,
	"embargo_end" timestamp (3) with time zone,
	"advisory_id" text,
	"close_reason" text,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "embargo_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"public_at" timestamp (3) with time zone NOT NULL,
	"reason" text,
	"extension" boolean DEFAULT false NOT NULL,
	"proposed_by_organisation" uuid NOT NULL,
	"status" text NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"vendor_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"justification" text,
	"impact_statement" text,
	"action_statement" text,
	"fixed_versions" text[] DEFAULT '{}'::text[] NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_messages_thread_idx" ON "case_messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "case_threads_case_idx" ON "case_threads" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_vendors_case_org_key" ON "case_vendors" USING btree ("case_id","organisation_id");--> statement-breakpoint
CREATE INDEX "case_vendors_org_idx" ON "case_vendors" USING btree ("organisation_id","invited_at");--> statement-breakpoint
CREATE INDEX "case_vulnerabilities_case_idx" ON "case_vulnerabilities" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_state_idx" ON "cases" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "embargo_proposals_case_idx" ON "embargo_proposals" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_statements_vuln_vendor_key" ON "vendor_statements" USING btree ("vulnerability_id","vendor_organisation_id");--> statement-breakpoint
CREATE INDEX "vendor_statements_case_vendor_idx" ON "vendor_statements" USING btree ("case_id","vendor_organisation_id");