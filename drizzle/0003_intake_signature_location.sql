ALTER TABLE "finding_signatures" ADD COLUMN "file" text;--> statement-breakpoint
ALTER TABLE "finding_signatures" ADD COLUMN "line" integer;