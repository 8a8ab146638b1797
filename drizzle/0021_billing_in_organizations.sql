-- Billing moves from users to organizations: a billing account and its subscriptions
-- belong to an organization, and an existing one to its user's personal workspace
-- (the same customer, plan and subscriptions: nobody's plan changes).
--
-- Locks: ADD COLUMN without a default, SET NOT NULL (a scan) and the new primary key
-- (an index build) take ACCESS EXCLUSIVE on billing_accounts and subscriptions, and
-- the foreign keys SHARE ROW EXCLUSIVE on organizations; drizzle holds them until the
-- deploy's transaction commits. Both billing tables hold a row per paying customer,
-- not per request, so the scans take milliseconds: billing reads, the webhook, and
-- sign-ups and new teams (which insert organizations) wait that long.
--
-- Rolling deploy: the previous release reads and writes billing by user_id. Triggers
-- put its writes into the user's personal workspace, which is what it meant, and fill
-- user_id on this release's rows for a personal workspace, so it still finds them. A
-- team's billing is new: an instance of the previous release that receives a team's
-- webhook finds no account by user and changes nothing, so run `npm run billing:sync`
-- once the rollout is done. user_id stays until a later migration drops it.
ALTER TABLE "billing_accounts" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "billing_accounts" AS b SET "organization_id" = o."id"
FROM "organizations" AS o
WHERE o."personal_user_id" = b."user_id" AND b."organization_id" IS NULL;--> statement-breakpoint
UPDATE "subscriptions" AS s SET "organization_id" = b."organization_id"
FROM "billing_accounts" AS b
WHERE b."stripe_customer_id" = s."stripe_customer_id" AND s."organization_id" IS NULL;--> statement-breakpoint
-- A subscription whose customer has no billing account (none is made that way, but a
-- hand-edited row could be): its user's personal workspace.
UPDATE "subscriptions" AS s SET "organization_id" = o."id"
FROM "organizations" AS o
WHERE o."personal_user_id" = s."user_id" AND s."organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "billing_accounts" DROP CONSTRAINT "billing_accounts_pkey";--> statement-breakpoint
ALTER TABLE "billing_accounts" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
-- lock-ok: a row per paying customer (see above); the lock is already held.
ALTER TABLE "billing_accounts" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_accounts" ADD PRIMARY KEY ("organization_id");--> statement-breakpoint
-- lock-ok: a few rows per paying customer; the lock is already held.
ALTER TABLE "subscriptions" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
-- lock-ok: validated at once over a small table; the lock is already held.
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- lock-ok: validated at once over a small table; the lock is already held.
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- lock-ok: a few rows per paying customer; the lock is already held.
CREATE INDEX "subscriptions_organization_id_created_at_idx" ON "subscriptions" USING btree ("organization_id","created_at");--> statement-breakpoint
-- The previous release's conflict target (ON CONFLICT (user_id)).
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_user_id_unique" UNIQUE("user_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION private.billing_in_personal_workspace() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
BEGIN
  IF NEW.organization_id IS NULL THEN
    -- The previous release's row: its customer's organization, else its user's workspace.
    IF TG_TABLE_NAME = 'subscriptions' THEN
      NEW.organization_id := (SELECT b.organization_id FROM public.billing_accounts b
                              WHERE b.stripe_customer_id = NEW.stripe_customer_id);
    END IF;
    IF NEW.organization_id IS NULL THEN
      NEW.organization_id := (SELECT o.id FROM public.organizations o WHERE o.personal_user_id = NEW.user_id);
    END IF;
  ELSIF NEW.user_id IS NULL THEN
    -- This release's row for a personal workspace carries its user as well, so that
    -- the previous release, which looks billing up by user, still finds it.
    NEW.user_id := (SELECT o.personal_user_id FROM public.organizations o WHERE o.id = NEW.organization_id);
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.billing_in_personal_workspace() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER billing_accounts_in_personal_workspace BEFORE INSERT ON public.billing_accounts
FOR EACH ROW WHEN (NEW.organization_id IS NULL OR NEW.user_id IS NULL) EXECUTE FUNCTION private.billing_in_personal_workspace();--> statement-breakpoint
CREATE TRIGGER subscriptions_in_personal_workspace BEFORE INSERT ON public.subscriptions
FOR EACH ROW WHEN (NEW.organization_id IS NULL OR NEW.user_id IS NULL) EXECUTE FUNCTION private.billing_in_personal_workspace();--> statement-breakpoint
DROP POLICY "billing_accounts_select_own" ON "billing_accounts" CASCADE;--> statement-breakpoint
DROP POLICY "subscriptions_select_own" ON "subscriptions" CASCADE;--> statement-breakpoint
CREATE POLICY "billing_accounts_select_member" ON "billing_accounts" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("billing_accounts"."organization_id" = any((select private.member_organization_ids())::uuid[]));--> statement-breakpoint
CREATE POLICY "subscriptions_select_billing" ON "subscriptions" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("subscriptions"."organization_id" = any((select private.member_organization_ids())::uuid[]) and private.member_role("subscriptions"."organization_id", (select auth.uid())) in ('owner', 'admin', 'billing'));
--> statement-breakpoint
-- An organization's keys that still work, whoever made them: what its plan caps. It
-- answers only for an organization the caller belongs to, and only for the one they
-- act in when the claims name one (a member sees only their own keys through RLS,
-- yet the cap counts everyone's).
CREATE OR REPLACE FUNCTION private.organization_live_api_key_count(p_organization_id uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT count(*)::integer FROM public.api_keys k
  WHERE k.organization_id = p_organization_id AND k.revoked_at IS NULL
    AND (k.expires_at IS NULL OR k.expires_at > now())
    AND p_organization_id = any(private.member_organization_ids())
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.organization_live_api_key_count(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.organization_live_api_key_count(uuid) TO authenticated, service_role;
--> statement-breakpoint
-- 0018's accept_invitation, taking the organization's member lock first (see inside).
CREATE OR REPLACE FUNCTION private.accept_invitation(p_token_hash text)
RETURNS TABLE (outcome text, organization_id uuid, role text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
DECLARE
  invite public.invitations%ROWTYPE;
  address text;
  confirmed boolean;
  held_role text;
  invited_to uuid;
BEGIN
  SELECT u.email, u.email_confirmed_at IS NOT NULL INTO address, confirmed FROM auth.users u
  WHERE u.id = auth.uid();
  -- The organization's member lock before the invitation's row lock: the order every
  -- member change takes them in (deleting a team holds this lock while its cascade
  -- takes the rows), so an accept and a delete wait for each other, never deadlock.
  SELECT i.organization_id INTO invited_to FROM public.invitations i WHERE i.token_hash = p_token_hash;
  IF invited_to IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('memberships:' || invited_to::text, 0));
  END IF;
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
