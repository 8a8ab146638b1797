-- Column privileges: an owner may only revoke a key once it exists (RLS keeps it to
-- their own); last use is written by the service path. Inserting needs the whole
-- table (drizzle names every column, with DEFAULT); the policy checks the owner.
REVOKE UPDATE, DELETE ON public.api_keys FROM anon, authenticated;
--> statement-breakpoint
REVOKE INSERT ON public.api_keys FROM anon;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON public.api_keys TO authenticated;
