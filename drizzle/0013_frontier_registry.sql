CREATE TABLE "frontier_checkpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
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
CREATE TABLE "frontier_designations" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"rationale_visibility" text DEFAULT 'none' NOT NULL,
	"rationale_for_developer" text,
	"decided_at" timestamp (3) with time zone,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_facts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"unit" text NOT NULL,
	"method" text NOT NULL,
	"confidence" real,
	"source" text DEFAULT '' NOT NULL,
	"as_of" timestamp (3) with time zone,
	"benchmark_version" text,
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
CREATE TABLE "frontier_lineage" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"parent_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
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
CREATE TABLE "frontier_model_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"model_id" uuid NOT NULL,
	"version" text NOT NULL,
	"release_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"planned_trusted_partner_release" timestamp (3) with time zone,
	"planned_general_release" timestamp (3) with time zone,
	"released_at" timestamp (3) with time zone,
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
CREATE TABLE "frontier_models" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"family" text,
	"description" text DEFAULT '' NOT NULL,
	"modalities" text[] DEFAULT '{}'::text[] NOT NULL,
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
CREATE UNIQUE INDEX "frontier_checkpoints_version_hash_key" ON "frontier_checkpoints" USING btree ("version_id","hash");--> statement-breakpoint
CREATE INDEX "frontier_designations_outcome_idx" ON "frontier_designations" USING btree ("outcome","updated_at");--> statement-breakpoint
CREATE INDEX "frontier_facts_version_key_idx" ON "frontier_facts" USING btree ("version_id","key","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_lineage_edge_key" ON "frontier_lineage" USING btree ("version_id","parent_version_id","kind");--> statement-breakpoint
CREATE INDEX "frontier_lineage_parent_idx" ON "frontier_lineage" USING btree ("parent_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_model_versions_model_version_key" ON "frontier_model_versions" USING btree ("model_id","version");--> statement-breakpoint
CREATE INDEX "frontier_model_versions_created_idx" ON "frontier_model_versions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_models_owner_name_key" ON "frontier_models" USING btree ("owner_organisation_id","name");--> statement-breakpoint
CREATE INDEX "frontier_models_created_idx" ON "frontier_models" USING btree ("created_at");