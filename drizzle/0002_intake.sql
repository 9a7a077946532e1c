CREATE TABLE "blobs" (
	"digest" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_fingerprints" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_signatures" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"target_key" text NOT NULL,
	"cwe" text,
	"signature" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"idempotency_key" text,
	"content_digest" text NOT NULL,
	"disposition" text NOT NULL,
	"duplicate_kind" text,
	"similarity" real,
	"source" text NOT NULL,
	"finder_kind" text NOT NULL,
	"model_name" text,
	"model_version" text,
	"autonomy" text,
	"harness_name" text,
	"harness_version" text,
	"run_id" text,
	"configuration_hash" text,
	"purl" text,
	"cpe" text,
	"target_key" text NOT NULL,
	"repository" text,
	"commit" text,
	"affected_versions" text[] DEFAULT '{}'::text[] NOT NULL,
	"file" text,
	"line" integer,
	"function" text,
	"endpoint" text,
	"cwe" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"stack_trace" text,
	"cvss_vector" text,
	"cvss_score" real,
	"severity" text NOT NULL,
	"exploited" boolean DEFAULT false NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_buckets" (
	"organisation_id" uuid NOT NULL,
	"lane" text NOT NULL,
	"tokens" real NOT NULL,
	"refilled_at" timestamp (3) with time zone NOT NULL,
	"day" date NOT NULL,
	"day_count" integer NOT NULL,
	CONSTRAINT "intake_buckets_organisation_id_lane_pk" PRIMARY KEY("organisation_id","lane")
);
--> statement-breakpoint
CREATE TABLE "intake_quotas" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"findings_per_minute" integer NOT NULL,
	"priority_findings_per_minute" integer NOT NULL,
	"findings_per_day" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "intake_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"findings_per_minute" integer NOT NULL,
	"priority_findings_per_minute" integer NOT NULL,
	"findings_per_day" integer NOT NULL,
	"needs_info_close_days" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"target_key" text NOT NULL,
	"purl" text,
	"cpe" text,
	"repository" text,
	"cwe" text,
	"severity" text NOT NULL,
	"cvss_vector" text,
	"cvss_score" real,
	"exploited" boolean DEFAULT false NOT NULL,
	"known_exploited" boolean DEFAULT false NOT NULL,
	"finder_kind" text NOT NULL,
	"model_name" text,
	"reporter_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"finding_count" integer DEFAULT 1 NOT NULL,
	"reproduction_status" text DEFAULT 'not-tried' NOT NULL,
	"reproduced_by" uuid,
	"reproduced_at" timestamp (3) with time zone,
	"ssvc" jsonb,
	"ssvc_decision" text,
	"reason" text,
	"duplicate_of" uuid,
	"needs_info_since" timestamp (3) with time zone,
	"decided_at" timestamp (3) with time zone,
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
CREATE INDEX "finding_attachments_finding_idx" ON "finding_attachments" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "finding_attachments_report_idx" ON "finding_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "finding_fingerprints_report_idx" ON "finding_fingerprints" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "finding_fingerprints_finding_idx" ON "finding_fingerprints" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "finding_signatures_report_idx" ON "finding_signatures" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "finding_signatures_finding_idx" ON "finding_signatures" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "findings_report_idx" ON "findings" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "findings_owner_idx" ON "findings" USING btree ("owner_organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_idempotency_key" ON "findings" USING btree ("owner_organisation_id","idempotency_key") WHERE "findings"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "reports_state_idx" ON "reports" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("created_at");