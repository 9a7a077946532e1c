CREATE TABLE "frontier_access_acknowledgements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"terms_version" integer NOT NULL,
	"side" text NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"acknowledged_at" timestamp (3) with time zone NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_access_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"grantee_organisation_id" uuid NOT NULL,
	"nomination_id" uuid,
	"access_kind" text NOT NULL,
	"environment" text NOT NULL,
	"tested_checkpoint" text,
	"released_checkpoint" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"budget_queries" bigint,
	"budget_tokens" bigint,
	"budget_compute_hours" real,
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
CREATE TABLE "frontier_access_outages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
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
CREATE TABLE "frontier_access_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
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
CREATE TABLE "frontier_access_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"milestone_at" timestamp (3) with time zone NOT NULL,
	"offset_days" integer NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_access_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"environment" text NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_access_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "frontier_access_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"terms_version" integer NOT NULL,
	"protections" jsonb NOT NULL,
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
CREATE TABLE "frontier_partner_nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"nominated_by" text NOT NULL,
	"state" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX "frontier_access_ack_key" ON "frontier_access_acknowledgements" USING btree ("grant_id","terms_version","side");--> statement-breakpoint
CREATE INDEX "frontier_access_grants_plan_idx" ON "frontier_access_grants" USING btree ("plan_id","starts_at");--> statement-breakpoint
CREATE INDEX "frontier_access_grants_grantee_idx" ON "frontier_access_grants" USING btree ("grantee_organisation_id");--> statement-breakpoint
CREATE INDEX "frontier_access_outages_grant_idx" ON "frontier_access_outages" USING btree ("grant_id","starts_at");--> statement-breakpoint
CREATE INDEX "frontier_access_outages_plan_idx" ON "frontier_access_outages" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_access_plans_version_key" ON "frontier_access_plans" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_access_reminders_key" ON "frontier_access_reminders" USING btree ("plan_id","milestone","milestone_at","offset_days");--> statement-breakpoint
CREATE INDEX "frontier_access_sessions_grant_idx" ON "frontier_access_sessions" USING btree ("grant_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_access_terms_grant_version_key" ON "frontier_access_terms" USING btree ("grant_id","terms_version");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_partner_nominations_plan_partner_key" ON "frontier_partner_nominations" USING btree ("plan_id","partner_organisation_id");