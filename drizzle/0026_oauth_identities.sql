-- OAuth sign-in (GitHub, Google): identities linked to accounts, and 'oauth' as a
-- session's method. The new method check is added NOT VALID and left so, as in 0023:
-- every existing row holds it already (the old list is contained in the new one), and
-- validating would scan user_sessions, which keeps every row it ever had, while the
-- constraint's lock blocks session lookups. Users read and unlink their own
-- identities; only the service path links one (after the provider vouched for it).
CREATE TABLE "user_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_user_id" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_identities_provider_known" CHECK ("user_identities"."provider" in ('github', 'google'))
);
--> statement-breakpoint
ALTER TABLE "user_identities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_method_known";--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_identities_provider_user_idx" ON "user_identities" USING btree ("provider","provider_user_id");--> statement-breakpoint
CREATE INDEX "user_identities_user_id_idx" ON "user_identities" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_method_known" CHECK ("user_sessions"."method" in ('password', 'email-link', 'email-code', 'passkey', 'oauth', 'impersonation')) NOT VALID;--> statement-breakpoint
CREATE POLICY "user_identities_select_own" ON "user_identities" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_identities"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "user_identities_delete_own" ON "user_identities" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_identities"."user_id" = (select auth.uid()));--> statement-breakpoint
REVOKE INSERT, UPDATE, TRUNCATE ON public.user_identities FROM anon, authenticated;--> statement-breakpoint
REVOKE DELETE ON public.user_identities FROM anon;
