CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_email_lowercase" CHECK ("invitations"."email" = lower("invitations"."email")),
	CONSTRAINT "invitations_role_known" CHECK ("invitations"."role" in ('admin', 'member', 'billing'))
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id"),
	CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('owner', 'admin', 'member', 'billing'))
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"personal_user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organizations_personal_user_id_unique" UNIQUE("personal_user_id"),
	CONSTRAINT "organizations_name_length" CHECK (char_length("organizations"."name") between 1 and 80),
	CONSTRAINT "organizations_slug_shape" CHECK ("organizations"."slug" ~ '^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$')
);
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_personal_user_id_users_id_fk" FOREIGN KEY ("personal_user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_organization_id_created_at_idx" ON "invitations" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_email_idx" ON "invitations" USING btree ("organization_id","email") WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "memberships_user_id_organization_id_idx" ON "memberships" USING btree ("user_id","organization_id");--> statement-breakpoint
CREATE INDEX "organizations_created_by_idx" ON "organizations" USING btree ("created_by");--> statement-breakpoint
-- The policies' helpers. SECURITY DEFINER so that reading memberships from a policy
-- on memberships does not recurse into its own policy; each is called wrapped in
-- (select …), so it runs once per statement.
CREATE OR REPLACE FUNCTION private.acting_organization_id() RETURNS uuid
LANGUAGE sql STABLE SET search_path = '' AS $fn$
  SELECT nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'org_id', '')::uuid
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION private.acting_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT m.role FROM public.memberships m
  WHERE m.user_id = auth.uid() AND m.organization_id = private.acting_organization_id()
$fn$;
--> statement-breakpoint
-- The caller's organizations; only the acting one when the claims name one, so a
-- request acting in A sees nothing of B even when its user belongs to both.
CREATE OR REPLACE FUNCTION private.member_organization_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT coalesce(array_agg(m.organization_id), '{}') FROM public.memberships m
  WHERE m.user_id = auth.uid()
    AND (private.acting_organization_id() IS NULL
         OR m.organization_id = private.acting_organization_id())
$fn$;
--> statement-breakpoint
CREATE POLICY "invitations_select_admin" ON "invitations" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("invitations"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin'));--> statement-breakpoint
CREATE POLICY "invitations_insert_admin" ON "invitations" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("invitations"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin') and "invitations"."invited_by" = (select auth.uid()) and "invitations"."accepted_at" is null and "invitations"."accepted_by" is null and "invitations"."revoked_at" is null);--> statement-breakpoint
CREATE POLICY "invitations_update_admin" ON "invitations" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("invitations"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin') and "invitations"."accepted_at" is null and "invitations"."revoked_at" is null) WITH CHECK ("invitations"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin') and "invitations"."accepted_at" is null);--> statement-breakpoint
CREATE POLICY "memberships_select_member" ON "memberships" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("memberships"."organization_id" = any((select private.member_organization_ids())::uuid[]));--> statement-breakpoint
CREATE POLICY "memberships_update_admin" ON "memberships" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("memberships"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin') and ("memberships"."role" <> 'owner' or (select private.acting_role()) = 'owner')) WITH CHECK ("memberships"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin') and ("memberships"."role" <> 'owner' or (select private.acting_role()) = 'owner'));--> statement-breakpoint
CREATE POLICY "memberships_delete_admin_or_self" ON "memberships" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("memberships"."organization_id" = (select private.acting_organization_id()) and (("memberships"."user_id" = (select auth.uid())) or ((select private.acting_role()) in ('owner', 'admin') and ("memberships"."role" <> 'owner' or (select private.acting_role()) = 'owner'))));--> statement-breakpoint
CREATE POLICY "organizations_select_member" ON "organizations" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("organizations"."id" = any((select private.member_organization_ids())::uuid[]));--> statement-breakpoint
CREATE POLICY "organizations_update_admin" ON "organizations" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("organizations"."id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin')) WITH CHECK ("organizations"."id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin'));--> statement-breakpoint
CREATE POLICY "organizations_delete_owner" ON "organizations" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("organizations"."id" = (select private.acting_organization_id()) and (select private.acting_role()) = 'owner' and "organizations"."personal_user_id" is null);
--> statement-breakpoint
-- Column privileges: an organization is renamed (name, slug), never turned into
-- someone's personal workspace; a membership changes only its role; an invitation is
-- resent (token, expiry) or revoked. Organizations and memberships are added by the
-- functions below; an invitation by its organization's owners and admins (policy).
REVOKE INSERT, UPDATE, TRUNCATE ON public.organizations, public.memberships, public.invitations FROM anon, authenticated;
--> statement-breakpoint
REVOKE DELETE ON public.invitations FROM anon, authenticated;
--> statement-breakpoint
REVOKE DELETE ON public.organizations, public.memberships FROM anon;
--> statement-breakpoint
GRANT UPDATE (name, slug, updated_at) ON public.organizations TO authenticated;
--> statement-breakpoint
GRANT UPDATE (role) ON public.memberships TO authenticated;
--> statement-breakpoint
GRANT INSERT ON public.invitations TO authenticated;
--> statement-breakpoint
GRANT UPDATE (token_hash, expires_at, revoked_at) ON public.invitations TO authenticated;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.acting_organization_id(), private.acting_role(), private.member_organization_ids() TO authenticated, service_role;
--> statement-breakpoint
-- Every organization keeps an owner. Checked at commit (a transfer promotes before it
-- demotes; a cascade settles first). When the last owner's account itself is gone,
-- the longest-standing admin, else member, else billing member, takes over; a team
-- left with nobody goes.
-- Any other change that leaves no owner is refused.
CREATE OR REPLACE FUNCTION private.keep_an_owner() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
DECLARE
  successor uuid;
BEGIN
  -- The app's lock for member changes (members.ts), so that this check and a
  -- concurrent change in another transaction count one after the other.
  PERFORM pg_advisory_xact_lock(hashtextextended('memberships:' || OLD.organization_id::text, 0));
  IF NOT EXISTS (SELECT 1 FROM public.organizations o WHERE o.id = OLD.organization_id)
     OR EXISTS (SELECT 1 FROM public.memberships m
                WHERE m.organization_id = OLD.organization_id AND m.role = 'owner') THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM auth.users u WHERE u.id = OLD.user_id) THEN
    RAISE EXCEPTION 'an organization keeps at least one owner'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_keep_an_owner';
  END IF;
  SELECT m.user_id INTO successor FROM public.memberships m
  WHERE m.organization_id = OLD.organization_id
  ORDER BY CASE m.role WHEN 'admin' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, m.created_at, m.user_id
  LIMIT 1;
  IF successor IS NULL THEN
    DELETE FROM public.organizations o WHERE o.id = OLD.organization_id;
  ELSE
    UPDATE public.memberships m SET role = 'owner'
    WHERE m.organization_id = OLD.organization_id AND m.user_id = successor;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_keep_an_owner
AFTER UPDATE OF role OR DELETE ON public.memberships
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (OLD.role = 'owner') EXECUTE FUNCTION private.keep_an_owner();
--> statement-breakpoint
-- Every account's personal workspace, made in the account's own transaction (after
-- its profile, by trigger name order) whoever creates the account.
CREATE OR REPLACE FUNCTION private.create_personal_workspace() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
DECLARE
  workspace uuid := gen_random_uuid();
BEGIN
  INSERT INTO public.organizations (id, name, slug, personal_user_id, created_by)
  VALUES (workspace, 'Personal', 'personal-' || replace(NEW.id::text, '-', ''), NEW.id, NEW.id);
  INSERT INTO public.memberships (organization_id, user_id, role) VALUES (workspace, NEW.id, 'owner');
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER on_auth_user_created_workspace AFTER INSERT ON auth.users
FOR EACH ROW EXECUTE FUNCTION private.create_personal_workspace();
--> statement-breakpoint
-- Existing accounts get theirs now.
INSERT INTO public.organizations (name, slug, personal_user_id, created_by)
SELECT 'Personal', 'personal-' || replace(u.id::text, '-', ''), u.id, u.id FROM auth.users u
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO public.memberships (organization_id, user_id, role)
SELECT o.id, o.personal_user_id, 'owner' FROM public.organizations o
WHERE o.personal_user_id IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A team and its first owner, in one step (no role may insert memberships itself).
CREATE OR REPLACE FUNCTION private.create_team(p_name text, p_slug text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
DECLARE
  team uuid := gen_random_uuid();
BEGIN
  IF auth.uid() IS NULL THEN
    RAISE EXCEPTION 'only a signed-in user creates a team' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO public.organizations (id, name, slug, created_by) VALUES (team, p_name, p_slug, auth.uid());
  INSERT INTO public.memberships (organization_id, user_id, role) VALUES (team, auth.uid(), 'owner');
  RETURN team;
END
$fn$;
--> statement-breakpoint
-- Accepts the open invitation whose token hashes to p_token_hash for the signed-in
-- user, whose confirmed address must be the invited one. The row lock makes two
-- concurrent accepts one membership. Answers what happened, in one word.
CREATE OR REPLACE FUNCTION private.accept_invitation(p_token_hash text)
RETURNS TABLE (outcome text, organization_id uuid, role text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
DECLARE
  invite public.invitations%ROWTYPE;
  address text;
  confirmed boolean;
  held_role text;
BEGIN
  SELECT u.email, u.email_confirmed_at IS NOT NULL INTO address, confirmed FROM auth.users u
  WHERE u.id = auth.uid();
  SELECT * INTO invite FROM public.invitations i WHERE i.token_hash = p_token_hash FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'invalid', NULL::uuid, NULL::text; RETURN;
  END IF;
  -- Closed because it had expired (a new invitation to the address closes it): say so.
  IF invite.revoked_at IS NOT NULL THEN
    RETURN QUERY SELECT CASE WHEN invite.revoked_at >= invite.expires_at THEN 'expired' ELSE 'invalid' END,
      NULL::uuid, NULL::text;
    RETURN;
  END IF;
  SELECT m.role INTO held_role FROM public.memberships m
  WHERE m.organization_id = invite.organization_id AND m.user_id = auth.uid();
  IF invite.accepted_at IS NOT NULL THEN
    -- Used: by this user, who is still a member, it is a harmless second click.
    IF invite.accepted_by = auth.uid() AND held_role IS NOT NULL THEN
      RETURN QUERY SELECT 'already-member', invite.organization_id, held_role; RETURN;
    END IF;
    RETURN QUERY SELECT 'invalid', NULL::uuid, NULL::text; RETURN;
  END IF;
  IF invite.expires_at <= now() THEN
    RETURN QUERY SELECT 'expired', NULL::uuid, NULL::text; RETURN;
  END IF;
  IF address IS NULL OR lower(address) <> invite.email THEN
    RETURN QUERY SELECT 'wrong-address', NULL::uuid, NULL::text; RETURN;
  END IF;
  IF NOT confirmed THEN
    RETURN QUERY SELECT 'unconfirmed', NULL::uuid, NULL::text; RETURN;
  END IF;
  IF held_role IS NOT NULL THEN
    UPDATE public.invitations SET accepted_at = now(), accepted_by = auth.uid() WHERE id = invite.id;
    RETURN QUERY SELECT 'already-member', invite.organization_id, held_role; RETURN;
  END IF;
  INSERT INTO public.memberships (organization_id, user_id, role)
  VALUES (invite.organization_id, auth.uid(), invite.role);
  UPDATE public.invitations SET accepted_at = now(), accepted_by = auth.uid() WHERE id = invite.id;
  RETURN QUERY SELECT 'accepted', invite.organization_id, invite.role;
END
$fn$;
--> statement-breakpoint
-- The members of the acting organization with their addresses (auth.users is not
-- readable to the app's roles), for its members only.
CREATE OR REPLACE FUNCTION private.organization_members()
RETURNS TABLE (user_id uuid, email text, display_name text, role text, joined_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT m.user_id, u.email::text, p.display_name, m.role, m.created_at
  FROM public.memberships m
  JOIN auth.users u ON u.id = m.user_id
  LEFT JOIN public.profiles p ON p.id = m.user_id
  WHERE m.organization_id = private.acting_organization_id()
    AND private.acting_role() IS NOT NULL
  ORDER BY m.created_at, m.user_id
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.keep_an_owner(), private.create_personal_workspace(), private.create_team(text, text), private.accept_invitation(text), private.organization_members() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.create_team(text, text), private.accept_invitation(text), private.organization_members() TO authenticated;
