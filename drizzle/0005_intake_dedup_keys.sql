CREATE TABLE "finding_dedup_keys" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"fingerprints" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_key" text NOT NULL,
	"algorithm" text,
	"cwe" text,
	"file" text,
	"line" integer,
	"signature" "bytea"
);
--> statement-breakpoint
CREATE INDEX "finding_dedup_keys_finding_idx" ON "finding_dedup_keys" USING btree ("finding_id");--> statement-breakpoint
-- Carries the index's log over from finding_fingerprints and finding_signatures (dropped in
-- 0006): one row per finding, its fingerprints as "<algorithm> <value>", in finding order
-- (UUIDv7 ids sort by time), each pointing at the report its newest row named.
INSERT INTO "finding_dedup_keys" ("finding_id", "report_id", "fingerprints", "target_key", "algorithm", "cwe", "file", "line", "signature")
SELECT k."finding_id", coalesce(s."report_id", f."report_id"), coalesce(f."fingerprints", '{}'), coalesce(s."target_key", fi."target_key", ''), s."algorithm", s."cwe", s."file", s."line", s."signature"
FROM (
  SELECT "finding_id" FROM "finding_fingerprints" UNION SELECT "finding_id" FROM "finding_signatures"
) k
LEFT JOIN (
  SELECT "finding_id", (array_agg("report_id" ORDER BY "seq" DESC))[1] AS "report_id", array_agg("algorithm" || ' ' || "value" ORDER BY "seq") AS "fingerprints"
  FROM "finding_fingerprints" GROUP BY "finding_id"
) f ON f."finding_id" = k."finding_id"
LEFT JOIN "finding_signatures" s ON s."finding_id" = k."finding_id"
LEFT JOIN "findings" fi ON fi."id" = k."finding_id"
ORDER BY k."finding_id";
