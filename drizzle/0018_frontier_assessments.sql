CREATE TABLE "frontier_assessment_annexes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"engagement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_assessment_conclusions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"engagement_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"level" text NOT NULL,
	"framework" text,
	"framework_label" text,
	"mapping_version" text,
	"rationale" text DEFAULT '' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_assessment_engagements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"commissioning_organisation_id" uuid NOT NULL,
	"commissioned_by" text NOT NULL,
	"assessor_organisation_id" uuid NOT NULL,
	"developer_organisation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"scope_domains" text[] NOT NULL,
	"threat_models" jsonb NOT NULL,
	"out_of_scope" jsonb NOT NULL,
	"checkpoint_ids" uuid[] NOT NULL,
	"grant_ids" uuid[] NOT NULL,
	"financial_ties" text DEFAULT '' NOT NULL,
	"assessor_chosen_by" text NOT NULL,
	"developer_review_right" boolean NOT NULL,
	"publication_rights" text NOT NULL,
	"starts_on" timestamp (3) with time zone,
	"ends_on" timestamp (3) with time zone,
	"state" text NOT NULL,
	"summary" text,
	"withdrawal_reason" text,
	"history" jsonb NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_assessment_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"engagement_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"evidence" jsonb NOT NULL,
	"detail_tlp" text NOT NULL,
	"detail_classification" smallint DEFAULT 0 NOT NULL,
	"remediation_state" text NOT NULL,
	"remediation_history" jsonb NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_runs" (
	"engagement_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"linked_by" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"linked_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "engagement_runs_engagement_id_run_id_pk" PRIMARY KEY("engagement_id","run_id")
);
--> statement-breakpoint
CREATE INDEX "frontier_assessment_annexes_engagement_idx" ON "frontier_assessment_annexes" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_assessment_conclusions_domain_key" ON "frontier_assessment_conclusions" USING btree ("engagement_id","domain");--> statement-breakpoint
CREATE INDEX "frontier_assessment_engagements_version_idx" ON "frontier_assessment_engagements" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "frontier_assessment_engagements_state_idx" ON "frontier_assessment_engagements" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "frontier_assessment_findings_engagement_idx" ON "frontier_assessment_findings" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE INDEX "engagement_runs_run_idx" ON "engagement_runs" USING btree ("run_id");