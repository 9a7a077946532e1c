ALTER TABLE "audit_log" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "advisories" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_attachments" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_messages" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_threads" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_vendors" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_vulnerabilities" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "embargo_proposals" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_statements" ADD COLUMN "coordinators" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- custom: issue 9 item 6 / ADR 0008. Every intake record was stored with a copy of the coordinator
-- audience (the coordinating organisations on findings and reports, their active analysts and admins
-- on proofs of concept). Mark them "shared with the coordinators" instead, evaluated at read time.
UPDATE "reports" SET "coordinators" = true;--> statement-breakpoint
UPDATE "findings" SET "coordinators" = true;--> statement-breakpoint
UPDATE "finding_attachments" SET "coordinators" = true;--> statement-breakpoint
-- custom: strip the copies we can identify: organisations that coordinate today (the flag gives them the
-- same recipient-organisation relation), and on proofs of concept the users of those organisations (staff
-- among them keep access through the flag; demoted ones lose the copy they should not have kept).
-- Organisations that stopped coordinating cannot be told from genuine recipients and are left as they are.
-- Audit entries keep their markings: they are hashed into the chain (ADR 0004).
UPDATE "reports" SET "access_organisations" = array(SELECT o FROM unnest("access_organisations") AS o WHERE o NOT IN (SELECT "id" FROM "organisations" WHERE "coordinator"))
  WHERE "access_organisations" && array(SELECT "id" FROM "organisations" WHERE "coordinator");--> statement-breakpoint
UPDATE "findings" SET "access_organisations" = array(SELECT o FROM unnest("access_organisations") AS o WHERE o NOT IN (SELECT "id" FROM "organisations" WHERE "coordinator"))
  WHERE "access_organisations" && array(SELECT "id" FROM "organisations" WHERE "coordinator");--> statement-breakpoint
UPDATE "finding_attachments" SET "access_users" = array(SELECT u FROM unnest("access_users") AS u WHERE u NOT IN (SELECT "users"."id" FROM "users" JOIN "organisations" ON "organisations"."id" = "users"."organisation_id" WHERE "organisations"."coordinator"))
  WHERE "access_users" && array(SELECT "users"."id" FROM "users" JOIN "organisations" ON "organisations"."id" = "users"."organisation_id" WHERE "organisations"."coordinator");
