-- Supabase's default privileges give the API roles ALL on new tables in public,
-- TRUNCATE included, and TRUNCATE ignores RLS: on a Supabase project anyone with the
-- anon key could have emptied a table through SQL-capable paths. RLS decides rows;
-- TRUNCATE, REFERENCES and TRIGGER are nobody's business but the owner's. Removed from
-- every table now, and from the defaults of tables this role creates later.
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM anon, authenticated, service_role;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM anon, authenticated, service_role;
