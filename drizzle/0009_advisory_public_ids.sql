ALTER TABLE "advisories" ADD COLUMN "draft_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "disclosure_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "advisories_draft_id_key" ON "advisories" USING btree ("draft_id");--> statement-breakpoint
-- custom: issue 9 item 9 — a draft is never TLP:GREEN or CLEAR (ADR 0021): drafts stored so by earlier versions become AMBER (their owner, access list and clearance are kept).
UPDATE "advisories" SET "tlp" = 'AMBER' WHERE "state" IN ('draft', 'scheduled') AND "tlp" IN ('GREEN', 'CLEAR');
