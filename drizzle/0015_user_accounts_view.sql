-- The service path (role service_role) reads accounts through this view, never
-- auth.users itself: on Supabase, auth.users belongs to supabase_auth_admin and
-- service_role holds no privilege on it, while the role that runs migrations
-- (postgres) may read it. A view runs with its owner's privileges, so it gives the
-- service path exactly these three columns and nothing else; API roles get nothing.
CREATE OR REPLACE VIEW private.user_accounts AS
  SELECT id, email, email_confirmed_at FROM auth.users;
--> statement-breakpoint
REVOKE ALL ON private.user_accounts FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT SELECT ON private.user_accounts TO service_role;
