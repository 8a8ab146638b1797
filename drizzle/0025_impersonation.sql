-- Admin impersonation (issue 18): a session may be an admin's view of the product as
-- a user, opened by the admin (method 'impersonation', impersonator_id). The checks
-- and the foreign key are added NOT VALID, as in 0023: every existing row holds
-- them (impersonator_id is new, so null, and no row has the new method), and
-- validating would scan user_sessions under the lock ADD COLUMN took.
ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_method_known";--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "impersonator_id" uuid;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_impersonator_id_users_id_fk" FOREIGN KEY ("impersonator_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
-- lock-ok: the index serves the foreign key (deleting an admin ends their views) and
-- blocks session writes (sign-ins) while it builds, one pass over user_sessions. With
-- millions of sessions, create it first by hand with CONCURRENTLY; IF NOT EXISTS then
-- makes this statement a no-op.
CREATE INDEX IF NOT EXISTS "user_sessions_impersonator_id_idx" ON "user_sessions" USING btree ("impersonator_id");--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_impersonator_for_impersonation" CHECK (("user_sessions"."method" = 'impersonation') = ("user_sessions"."impersonator_id" is not null)) NOT VALID;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_method_known" CHECK ("user_sessions"."method" in ('password', 'email-link', 'email-code', 'passkey', 'impersonation')) NOT VALID;
