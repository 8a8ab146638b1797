-- lock-ok: audit_logs only receives inserts, which wait while the index builds. On a
-- large log, create the three indexes first with CREATE INDEX CONCURRENTLY (same names)
-- and these statements skip them.
CREATE INDEX IF NOT EXISTS "audit_logs_resource_id_idx" ON "audit_logs" USING btree ("resource_id");
--> statement-breakpoint
-- lock-ok: as above.
CREATE INDEX IF NOT EXISTS "audit_logs_subject_user_idx" ON "audit_logs" USING btree (("details" ->> 'userId'));
--> statement-breakpoint
-- lock-ok: as above.
CREATE INDEX IF NOT EXISTS "audit_logs_created_at_idx" ON "audit_logs" USING btree ("created_at");
--> statement-breakpoint
ALTER POLICY "audit_logs_select_own" ON "audit_logs" TO authenticated USING ("audit_logs"."actor_id" = (select auth.uid()) or "audit_logs"."resource_id" = ((select auth.uid()))::text or ("audit_logs"."details" ->> 'userId') = ((select auth.uid()))::text);
