-- API keys belong to an organization, the only one they act in. Every existing key
-- moves into its owner's personal workspace (0018 gave every account one), so it
-- keeps working as before.
--
-- Locks: drizzle applies a deploy's migrations in one transaction, so the lock ADD
-- COLUMN takes on api_keys is held until the commit, through the backfill and the
-- checks below; key verification that misses the cache waits meanwhile. api_keys holds
-- a few rows per account, so that is a moment. On a very large table, backfill in
-- batches first (the UPDATE below then finds nothing to do).

-- A user's role in an organization (a row's, in a policy), or null; only for an
-- organization the caller belongs to, so it tells nobody else's memberships.
CREATE OR REPLACE FUNCTION private.member_role(p_organization_id uuid, p_user_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT m.role FROM public.memberships m
  WHERE m.organization_id = p_organization_id AND m.user_id = p_user_id
    AND EXISTS (SELECT 1 FROM public.memberships c
                WHERE c.organization_id = p_organization_id AND c.user_id = auth.uid())
$fn$;
--> statement-breakpoint
-- The caller's keys that still work, in every organization: what their plan caps. RLS
-- shows a request acting in one organization only that one's keys.
CREATE OR REPLACE FUNCTION private.live_api_key_count() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT count(*)::integer FROM public.api_keys k
  WHERE k.user_id = auth.uid() AND k.revoked_at IS NULL
    AND (k.expires_at IS NULL OR k.expires_at > now())
$fn$;
--> statement-breakpoint
-- The caller's personal workspace, where a personal key is made.
CREATE OR REPLACE FUNCTION private.personal_organization_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT o.id FROM public.organizations o WHERE o.personal_user_id = auth.uid()
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.member_role(uuid, uuid), private.live_api_key_count(), private.personal_organization_id() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.member_role(uuid, uuid), private.live_api_key_count(), private.personal_organization_id() TO authenticated, service_role;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "api_keys" AS k SET "organization_id" = o."id"
FROM "organizations" AS o
WHERE o."personal_user_id" = k."user_id" AND k."organization_id" IS NULL;--> statement-breakpoint
-- An insert that names no organization (an instance still running the previous release
-- during a rolling deploy) makes a key in its creator's personal workspace, as it meant to.
CREATE OR REPLACE FUNCTION private.api_key_in_personal_workspace() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
BEGIN
  NEW.organization_id := (SELECT o.id FROM public.organizations o WHERE o.personal_user_id = NEW.user_id);
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.api_key_in_personal_workspace() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER "api_keys_in_personal_workspace_by_default" BEFORE INSERT ON "api_keys"
FOR EACH ROW WHEN (NEW.organization_id IS NULL) EXECUTE FUNCTION private.api_key_in_personal_workspace();--> statement-breakpoint
-- lock-ok: a few rows per account (see above); the lock is already held.
ALTER TABLE "api_keys" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
-- lock-ok: validated at once; the lock is already held (see above).
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- lock-ok: a few rows per account; writes wait while it builds. On a large table,
-- create it first with CREATE INDEX CONCURRENTLY (same name) and this statement skips it.
CREATE INDEX IF NOT EXISTS "api_keys_organization_id_created_at_idx" ON "api_keys" USING btree ("organization_id","created_at","id");--> statement-breakpoint
-- Keys of a team may hold the organization's permissions too.
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_scopes_known";--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scopes_known" CHECK ("api_keys"."scopes" <@ array['profile:read', 'profile:write', 'api-keys:read', 'api-keys:write', 'billing:read', 'billing:write', 'audit:read', 'metrics:read', 'admin', 'members:read', 'members:write', 'invitations:write', 'organization:write', 'organization:delete']::text[]) NOT VALID;--> statement-breakpoint
ALTER TABLE "api_keys" VALIDATE CONSTRAINT "api_keys_scopes_known";--> statement-breakpoint
ALTER POLICY "api_keys_select_own" ON "api_keys" TO authenticated USING (("api_keys"."user_id" = (select auth.uid()) and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[])) or ("api_keys"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin')));--> statement-breakpoint
ALTER POLICY "api_keys_insert_own" ON "api_keys" TO authenticated WITH CHECK ("api_keys"."user_id" = (select auth.uid()) and "api_keys"."revoked_at" is null and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[]) and private.member_role("api_keys"."organization_id", (select auth.uid())) in ('owner', 'admin', 'member'));--> statement-breakpoint
ALTER POLICY "api_keys_update_own" ON "api_keys" TO authenticated USING ("api_keys"."revoked_at" is null and (("api_keys"."user_id" = (select auth.uid()) and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[])) or ("api_keys"."organization_id" = (select private.acting_organization_id()) and ((select private.acting_role()) = 'owner' or ((select private.acting_role()) = 'admin' and private.member_role("api_keys"."organization_id", "api_keys"."user_id") is distinct from 'owner'))))) WITH CHECK ("api_keys"."revoked_at" is not null and (("api_keys"."user_id" = (select auth.uid()) and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[])) or ("api_keys"."organization_id" = (select private.acting_organization_id()) and ((select private.acting_role()) = 'owner' or ((select private.acting_role()) = 'admin' and private.member_role("api_keys"."organization_id", "api_keys"."user_id") is distinct from 'owner')))));--> statement-breakpoint
-- A member who leaves or is removed (or whose team is deleted) loses their keys there,
-- in the same transaction, whoever deleted the membership and however.
CREATE OR REPLACE FUNCTION private.revoke_keys_of_former_member() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
BEGIN
  UPDATE public.api_keys SET revoked_at = now()
  WHERE organization_id = OLD.organization_id AND user_id = OLD.user_id AND revoked_at IS NULL;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.revoke_keys_of_former_member() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER "memberships_revoke_keys_of_former_member" AFTER DELETE ON "memberships"
FOR EACH ROW EXECUTE FUNCTION private.revoke_keys_of_former_member();
