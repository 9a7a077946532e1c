ALTER TABLE "advisories" ADD COLUMN "draft_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "disclosure_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "advisories_draft_id_key" ON "advisories" USING btree ("draft_id");--> statement-breakpoint
-- custom: issue 9 item 9 — a draft is seen by its coordinators and access list only (ADR 0021): drafts stored as GREEN, CLEAR or AMBER (which opens to clients) by earlier versions become AMBER+STRICT (their owner, access list and clearance are kept).
UPDATE "advisories" SET "tlp" = 'AMBER+STRICT' WHERE "state" IN ('draft', 'scheduled') AND "tlp" IN ('GREEN', 'CLEAR', 'AMBER');
