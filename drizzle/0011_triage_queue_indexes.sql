DROP INDEX "reports_created_idx";--> statement-breakpoint
CREATE INDEX "findings_model_idx" ON "findings" USING btree ("model_name");--> statement-breakpoint
CREATE INDEX "reports_queue_age_idx" ON "reports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "reports_queue_severity_idx" ON "reports" USING btree ((case "severity" when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 when 'none' then 4 else 5 end),(not "exploited"),"created_at","id");--> statement-breakpoint
CREATE INDEX "reports_queue_exploited_idx" ON "reports" USING btree ((not "exploited"),(case "severity" when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 when 'none' then 4 else 5 end),"created_at","id");--> statement-breakpoint
CREATE INDEX "reports_queue_findings_idx" ON "reports" USING btree ((- "finding_count"),"created_at","id");--> statement-breakpoint
CREATE INDEX "reports_cwe_idx" ON "reports" USING btree ("cwe");--> statement-breakpoint
CREATE INDEX "reports_severity_idx" ON "reports" USING btree ("severity");