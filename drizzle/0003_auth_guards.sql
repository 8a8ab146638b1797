-- A profile for every new user, as Supabase's documented trigger does. SECURITY
-- DEFINER so that whoever inserts into auth.users (Supabase Auth, or the built-in
-- provider) need not hold privileges on public.profiles.
CREATE OR REPLACE FUNCTION public.handle_new_user() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
BEGIN
  INSERT INTO public.profiles (id, display_name)
  VALUES (NEW.id, NEW.raw_user_meta_data ->> 'display_name');
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users
FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
--> statement-breakpoint
-- Column privileges: a user may change their name and avatar, never their role; a
-- session row only by revoking it.
REVOKE INSERT, UPDATE, DELETE ON public.profiles FROM anon, authenticated;
--> statement-breakpoint
GRANT UPDATE (display_name, avatar_url, updated_at) ON public.profiles TO authenticated;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON public.user_sessions FROM anon, authenticated;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON public.user_sessions TO authenticated;
--> statement-breakpoint
-- The audit trail is append-only for every role the app uses, and a trigger
-- refuses changes even from roles that hold the privilege.
REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_logs FROM anon, authenticated, service_role;
--> statement-breakpoint
REVOKE INSERT ON public.audit_logs FROM anon;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.refuse_audit_log_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON public.audit_logs
FOR EACH ROW EXECUTE FUNCTION public.refuse_audit_log_change();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON public.audit_logs
FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_audit_log_change();
--> statement-breakpoint
-- The built-in provider writes auth.users through the service role. Only where this
-- project created auth.users (not on Supabase, where Supabase Auth owns it).
DO $do$
BEGIN
  IF (SELECT tableowner FROM pg_tables WHERE schemaname = 'auth' AND tablename = 'users') = current_user THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON auth.users TO service_role;
    -- As Supabase Auth keeps it: one account per (normalised) email.
    CREATE UNIQUE INDEX IF NOT EXISTS users_email_partial_key ON auth.users (email)
      WHERE is_sso_user = false;
  END IF;
END
$do$;
