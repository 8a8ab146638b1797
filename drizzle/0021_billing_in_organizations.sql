-- Billing moves from users to organizations: a billing account and its subscriptions
-- belong to an organization, and an existing one to its user's personal workspace
-- (the same customer, plan and subscriptions: nobody's plan changes).
--
-- Locks: ADD COLUMN without a default, SET NOT NULL (a scan) and the new primary key
-- (an index build) take ACCESS EXCLUSIVE on billing_accounts and subscriptions, and
-- drizzle holds them until the deploy's transaction commits. Both tables hold a row
-- per paying customer, not per request, so the scans take milliseconds; billing reads
-- and the webhook wait that long (Stripe retries a webhook that times out anyway).
--
-- Rolling deploy: the previous release still writes user_id. Triggers put its writes
-- into the user's personal workspace, which is what it meant; user_id stays, unused by
-- this release, until a later migration drops it.
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
  IF TG_TABLE_NAME = 'subscriptions' THEN
    NEW.organization_id := (SELECT b.organization_id FROM public.billing_accounts b
                            WHERE b.stripe_customer_id = NEW.stripe_customer_id);
  END IF;
  IF NEW.organization_id IS NULL THEN
    NEW.organization_id := (SELECT o.id FROM public.organizations o WHERE o.personal_user_id = NEW.user_id);
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.billing_in_personal_workspace() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER billing_accounts_in_personal_workspace BEFORE INSERT ON public.billing_accounts
FOR EACH ROW WHEN (NEW.organization_id IS NULL) EXECUTE FUNCTION private.billing_in_personal_workspace();--> statement-breakpoint
CREATE TRIGGER subscriptions_in_personal_workspace BEFORE INSERT ON public.subscriptions
FOR EACH ROW WHEN (NEW.organization_id IS NULL) EXECUTE FUNCTION private.billing_in_personal_workspace();--> statement-breakpoint
DROP POLICY "billing_accounts_select_own" ON "billing_accounts" CASCADE;--> statement-breakpoint
DROP POLICY "subscriptions_select_own" ON "subscriptions" CASCADE;--> statement-breakpoint
CREATE POLICY "billing_accounts_select_member" ON "billing_accounts" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("billing_accounts"."organization_id" = any((select private.member_organization_ids())::uuid[]));--> statement-breakpoint
CREATE POLICY "subscriptions_select_billing" ON "subscriptions" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("subscriptions"."organization_id" = any((select private.member_organization_ids())::uuid[]) and private.member_role("subscriptions"."organization_id", (select auth.uid())) in ('owner', 'admin', 'billing'));
--> statement-breakpoint
-- An organization's keys that still work, whoever made them: what its plan caps. It
-- answers only for an organization the caller belongs to (a member sees only their
-- own keys through RLS, yet the cap counts everyone's).
CREATE OR REPLACE FUNCTION private.organization_live_api_key_count(p_organization_id uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $fn$
  SELECT count(*)::integer FROM public.api_keys k
  WHERE k.organization_id = p_organization_id AND k.revoked_at IS NULL
    AND (k.expires_at IS NULL OR k.expires_at > now())
    AND EXISTS (SELECT 1 FROM public.memberships m
                WHERE m.organization_id = p_organization_id AND m.user_id = auth.uid())
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.organization_live_api_key_count(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.organization_live_api_key_count(uuid) TO authenticated, service_role;
