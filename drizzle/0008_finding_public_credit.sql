ALTER TABLE "findings" ADD COLUMN "public_credit" jsonb;--> statement-breakpoint
-- custom: issue 9 item 1 (ADR 0013). Until now a duplicate (and an analyst's merge or split) appended
-- its organisation to the report's access list; nothing else added organisations to a report, so
-- every entry that is not a coordinating organisation came from there. Remove them: nobody keeps
-- sight of another organisation's report through a duplicate. (Sharing is now explicit.)
UPDATE "reports" SET "access_organisations" = ARRAY(SELECT o FROM unnest("access_organisations") AS o WHERE o IN (SELECT "id" FROM "organisations" WHERE "coordinator"));
