CREATE TABLE "frontier_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"rule_set_id" text NOT NULL,
	"rule_set_version" text NOT NULL,
	"outcome" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"facts_digest" text NOT NULL,
	"trigger" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"evaluated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_rule_sets" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"document" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"added_at" timestamp (3) with time zone NOT NULL,
	"added_by" uuid,
	CONSTRAINT "frontier_rule_sets_pkey" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "frontier_rule_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"proxy_cyber_threshold" double precision NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE INDEX "frontier_evaluations_version_idx" ON "frontier_evaluations" USING btree ("version_id","rule_set_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "frontier_rule_sets_added_idx" ON "frontier_rule_sets" USING btree ("id","added_at");