ALTER TABLE "profiles" ADD CONSTRAINT "profiles_role_known" CHECK ("profiles"."role" in ('user', 'admin'));--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_avatar_https" CHECK ("profiles"."avatar_url" is null or "profiles"."avatar_url" like 'https://%');--> statement-breakpoint
ALTER POLICY "user_sessions_update_own" ON "user_sessions" TO authenticated USING ("user_sessions"."user_id" = (select auth.uid()) and "user_sessions"."revoked_at" is null) WITH CHECK ("user_sessions"."user_id" = (select auth.uid()) and "user_sessions"."revoked_at" is not null);--> statement-breakpoint
-- Accounts that existed before the profile trigger (an existing Supabase project)
-- get their profile now; without one, a session would never resolve.
INSERT INTO public.profiles (id) SELECT id FROM auth.users ON CONFLICT (id) DO NOTHING;
