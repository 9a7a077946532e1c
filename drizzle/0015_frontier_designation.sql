CREATE TABLE "frontier_coverage_inquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"question" text NOT NULL,
	"state" text NOT NULL,
	"answer_outcome" text,
	"answer_rationale" text,
	"answered_by" uuid,
	"answered_at" timestamp (3) with time zone,
	"review_id" uuid,
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
CREATE TABLE "frontier_designation_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"state" text NOT NULL,
	"trigger" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"inquiry_id" uuid,
	"reassessments" integer DEFAULT 0 NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"basis" text,
	"rationale" text,
	"rationale_summary" text,
	"rationale_visibility" text,
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
CREATE TABLE "frontier_designation_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"classification" smallint NOT NULL,
	"panel_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"authority_organisation_id" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "frontier_review_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"trigger" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"basis" text,
	"rationale" text,
	"rationale_summary" text,
	"rationale_visibility" text,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"tlp" text NOT NULL,
	"classification" smallint DEFAULT 0 NOT NULL,
	"access_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"access_users" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"coordinators" boolean DEFAULT false NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "frontier_inquiries_version_idx" ON "frontier_coverage_inquiries" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "frontier_inquiries_created_idx" ON "frontier_coverage_inquiries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "frontier_reviews_version_idx" ON "frontier_designation_reviews" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "frontier_reviews_state_idx" ON "frontier_designation_reviews" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "frontier_review_history_review_idx" ON "frontier_review_history" USING btree ("review_id","at");