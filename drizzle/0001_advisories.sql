CREATE TABLE "advisories" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"cve_id" text,
	"content" jsonb,
	"osv" jsonb,
	"source_hash" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"case_id" text,
	"publish_at" timestamp (3) with time zone,
	"published_at" timestamp (3) with time zone,
	"modified_at" timestamp (3) with time zone,
	"withdrawn_at" timestamp (3) with time zone,
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
CREATE TABLE "advisory_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisory_revisions" (
	"advisory_id" text NOT NULL,
	"number" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"summary" text NOT NULL,
	"osv" jsonb NOT NULL,
	CONSTRAINT "advisory_revisions_advisory_id_number_pk" PRIMARY KEY("advisory_id","number")
);
--> statement-breakpoint
ALTER TABLE "advisory_revisions" ADD CONSTRAINT "advisory_revisions_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisories_state_idx" ON "advisories" USING btree ("state","modified_at");--> statement-breakpoint
CREATE INDEX "advisories_owner_idx" ON "advisories" USING btree ("owner_organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "advisories_cve_idx" ON "advisories" USING btree ("cve_id");