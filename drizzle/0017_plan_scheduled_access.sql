ALTER TABLE "frontier_access_plans" ADD COLUMN "scheduled_centidays_trusted_partner" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "frontier_access_plans" ADD COLUMN "scheduled_centidays_general" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "frontier_access_plans_scheduled_tp_idx" ON "frontier_access_plans" USING btree ("scheduled_centidays_trusted_partner");--> statement-breakpoint
CREATE INDEX "frontier_access_plans_scheduled_general_idx" ON "frontier_access_plans" USING btree ("scheduled_centidays_general");--> statement-breakpoint
-- Backfill the cache for existing plans (ADR 0097): the same expression as store/frontier/scheduled-access.ts.
UPDATE "frontier_access_plans" p SET
  "scheduled_centidays_trusted_partner" = coalesce((select round(sum(extract(epoch from upper(r) - lower(r)) * 1000) / 864000) from unnest(
    (select range_agg(tstzrange(g."starts_at", least(g."ends_at", rel.tp))) from "frontier_access_grants" g where g."plan_id" = p."id" and g."starts_at" < least(g."ends_at", rel.tp))
    - coalesce((select range_agg(tstzrange(o."starts_at", o."ends_at")) from "frontier_access_outages" o where o."plan_id" = p."id" and o."starts_at" < o."ends_at"), '{}'::tstzmultirange)
  ) as r), 0)::integer,
  "scheduled_centidays_general" = coalesce((select round(sum(extract(epoch from upper(r) - lower(r)) * 1000) / 864000) from unnest(
    (select range_agg(tstzrange(g."starts_at", least(g."ends_at", rel.ga))) from "frontier_access_grants" g where g."plan_id" = p."id" and g."starts_at" < least(g."ends_at", rel.ga))
    - coalesce((select range_agg(tstzrange(o."starts_at", o."ends_at")) from "frontier_access_outages" o where o."plan_id" = p."id" and o."starts_at" < o."ends_at"), '{}'::tstzmultirange)
  ) as r), 0)::integer
FROM (select v."id", coalesce(v."planned_trusted_partner_release", v."planned_general_release") as tp, v."planned_general_release" as ga from "frontier_model_versions" v) rel
WHERE rel."id" = p."version_id";
