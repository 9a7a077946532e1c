CREATE TABLE "frontier_attestations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"status" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"review_decision" text,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
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
CREATE TABLE "frontier_practice_catalogues" (
	"version" text PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"added_at" timestamp (3) with time zone NOT NULL,
	"added_by" uuid
);
--> statement-breakpoint
CREATE TABLE "frontier_standards_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"min_group_size" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "frontier_attestations_org_practice_key" ON "frontier_attestations" USING btree ("owner_organisation_id","practice_id");--> statement-breakpoint
CREATE INDEX "frontier_attestations_updated_idx" ON "frontier_attestations" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "frontier_practice_catalogues_added_idx" ON "frontier_practice_catalogues" USING btree ("added_at");