DROP TABLE "finding_fingerprints" CASCADE;--> statement-breakpoint
DROP TABLE "finding_signatures" CASCADE;