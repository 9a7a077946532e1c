CREATE TABLE "frontier_clusters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"inventory" jsonb NOT NULL,
	"interconnect_gbps" double precision,
	"status" text NOT NULL,
	"first_operational_on" date,
	"peak_ops_per_second" double precision NOT NULL,
	"h100_equivalents" double precision NOT NULL,
	"reportable" text[] DEFAULT '{}'::text[] NOT NULL,
	"rules_version" text NOT NULL,
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
CREATE TABLE "frontier_compute_crossings" (
	"version_id" uuid NOT NULL,
	"threshold" text NOT NULL,
	"threshold_version" text NOT NULL,
	"run_id" uuid NOT NULL,
	"detail" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"crossed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontier_facilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"operator_organisation_id" uuid,
	"operator_name" text DEFAULT '' NOT NULL,
	"country" text,
	"region" text,
	"site" text,
	"location_disclosure" text DEFAULT 'restricted' NOT NULL,
	"power_capacity_mw" double precision,
	"status" text NOT NULL,
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
CREATE TABLE "frontier_training_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cluster_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"started_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone,
	"flop_pretraining" double precision,
	"flop_fine_tuning" double precision,
	"flop_reinforcement_learning" double precision,
	"flop_other" double precision,
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
CREATE INDEX "frontier_clusters_facility_idx" ON "frontier_clusters" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "frontier_clusters_created_idx" ON "frontier_clusters" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_compute_crossings_key" ON "frontier_compute_crossings" USING btree ("version_id","threshold","threshold_version");--> statement-breakpoint
CREATE INDEX "frontier_facilities_owner_idx" ON "frontier_facilities" USING btree ("owner_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "frontier_facilities_country_idx" ON "frontier_facilities" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_training_runs_version_name_key" ON "frontier_training_runs" USING btree ("version_id","name");--> statement-breakpoint
CREATE INDEX "frontier_training_runs_created_idx" ON "frontier_training_runs" USING btree ("created_at");