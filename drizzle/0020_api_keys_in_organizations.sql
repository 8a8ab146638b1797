-- API keys belong to an organization, the only one they act in. Every existing key
-- moves into its owner's personal workspace (0018 gave every account one), so it
-- keeps working as before.
-- A new, nullable column without a default: no rewrite, a brief lock only.
ALTER TABLE "api_keys" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "api_keys" AS k SET "organization_id" = o."id"
FROM "organizations" AS o
WHERE o."personal_user_id" = k."user_id" AND k."organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_present" CHECK ("organization_id" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "api_keys" VALIDATE CONSTRAINT "api_keys_organization_id_present";--> statement-breakpoint
-- lock-ok: the CHECK validated just above proves the column has no null, so Postgres
-- sets NOT NULL without scanning the table (PostgreSQL 12 and later).
ALTER TABLE "api_keys" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_organization_id_present";--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "api_keys" VALIDATE CONSTRAINT "api_keys_organization_id_organizations_id_fk";--> statement-breakpoint
-- lock-ok: api_keys holds a few rows per account, and only key creation waits while the
-- index builds. On a large table, create it first with CREATE INDEX CONCURRENTLY (same
-- name) and this statement skips it.
CREATE INDEX IF NOT EXISTS "api_keys_organization_id_created_at_idx" ON "api_keys" USING btree ("organization_id","created_at","id");--> statement-breakpoint
-- Keys of a team may hold the organization's permissions too.
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_scopes_known";--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scopes_known" CHECK ("api_keys"."scopes" <@ array['profile:read', 'profile:write', 'api-keys:read', 'api-keys:write', 'billing:read', 'billing:write', 'audit:read', 'metrics:read', 'admin', 'members:read', 'members:write', 'invitations:write', 'organization:write', 'organization:delete']::text[]) NOT VALID;--> statement-breakpoint
ALTER TABLE "api_keys" VALIDATE CONSTRAINT "api_keys_scopes_known";--> statement-breakpoint
-- The caller's role in one organization (a row's, in a policy), or null.
CREATE OR REPLACE FUNCTION private.role_in(p_organization_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT m.role FROM public.memberships m
  WHERE m.user_id = auth.uid() AND m.organization_id = p_organization_id
$fn$;
--> statement-breakpoint
-- The caller's personal workspace, where a personal key is made.
CREATE OR REPLACE FUNCTION private.personal_organization_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT o.id FROM public.organizations o WHERE o.personal_user_id = auth.uid()
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.role_in(uuid), private.personal_organization_id() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.role_in(uuid), private.personal_organization_id() TO authenticated, service_role;--> statement-breakpoint
ALTER POLICY "api_keys_select_own" ON "api_keys" TO authenticated USING (("api_keys"."user_id" = (select auth.uid()) and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[])) or ("api_keys"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin')));--> statement-breakpoint
ALTER POLICY "api_keys_insert_own" ON "api_keys" TO authenticated WITH CHECK ("api_keys"."user_id" = (select auth.uid()) and "api_keys"."revoked_at" is null and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[]) and private.role_in("api_keys"."organization_id") in ('owner', 'admin', 'member'));--> statement-breakpoint
ALTER POLICY "api_keys_update_own" ON "api_keys" TO authenticated USING ("api_keys"."revoked_at" is null and (("api_keys"."user_id" = (select auth.uid()) and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[])) or ("api_keys"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin')))) WITH CHECK ("api_keys"."revoked_at" is not null and (("api_keys"."user_id" = (select auth.uid()) and "api_keys"."organization_id" = any((select private.member_organization_ids())::uuid[])) or ("api_keys"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin'))));--> statement-breakpoint
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
