CREATE TABLE "frontier_evaluation_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"encoding" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "frontier_evaluation_logs_sha256_key" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "frontier_evaluation_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"log_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"log_version" smallint NOT NULL,
	"eval_id" text,
	"run_id" text NOT NULL,
	"task" text NOT NULL,
	"task_id" text,
	"task_version" text NOT NULL,
	"eval_model" text NOT NULL,
	"dataset_name" text,
	"dataset_location" text,
	"dataset_samples" integer,
	"status" text NOT NULL,
	"total_samples" integer NOT NULL,
	"completed_samples" integer NOT NULL,
	"samples_in_log" integer NOT NULL,
	"sample_errors" integer NOT NULL,
	"error" text,
	"scores" jsonb NOT NULL,
	"usage" jsonb NOT NULL,
	"started_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"duration_seconds" real,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
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
CREATE UNIQUE INDEX "frontier_evaluation_runs_log_owner_key" ON "frontier_evaluation_runs" USING btree ("log_id","owner_organisation_id");--> statement-breakpoint
CREATE INDEX "frontier_evaluation_runs_model_task_idx" ON "frontier_evaluation_runs" USING btree ("model_id","task");--> statement-breakpoint
CREATE INDEX "frontier_evaluation_runs_checkpoint_idx" ON "frontier_evaluation_runs" USING btree ("checkpoint_id");