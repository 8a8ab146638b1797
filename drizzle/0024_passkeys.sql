-- Passkeys (issue 18): WebAuthn credentials and their one-time challenges, both new
-- tables; a session may now say it was proven by a passkey. The method check is
-- replaced NOT VALID, as in 0023: every row holds it already (the new list contains
-- the old one), and validating would scan user_sessions under the table lock.
CREATE TABLE "passkey_challenges" (
	"challenge" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "passkey_challenges_purpose_known" CHECK ("passkey_challenges"."purpose" in ('register', 'sign_in')),
	CONSTRAINT "passkey_challenges_user_for_register" CHECK (("passkey_challenges"."purpose" = 'register') = ("passkey_challenges"."user_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "passkey_challenges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "passkeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"credential_id" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}'::text[] NOT NULL,
	"multi_device" boolean DEFAULT false NOT NULL,
	"backed_up" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "passkeys_credential_id_unique" UNIQUE("credential_id"),
	CONSTRAINT "passkeys_name_length" CHECK (char_length("passkeys"."name") between 1 and 64)
);
--> statement-breakpoint
ALTER TABLE "passkeys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_method_known";--> statement-breakpoint
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "passkey_challenges_user_id_idx" ON "passkey_challenges" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "passkey_challenges_expires_at_idx" ON "passkey_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "passkeys_user_id_idx" ON "passkeys" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_method_known" CHECK ("user_sessions"."method" in ('password', 'email-link', 'email-code', 'passkey')) NOT VALID;--> statement-breakpoint
CREATE POLICY "passkeys_select_own" ON "passkeys" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("passkeys"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "passkeys_update_own" ON "passkeys" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("passkeys"."user_id" = (select auth.uid())) WITH CHECK ("passkeys"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "passkeys_delete_own" ON "passkeys" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("passkeys"."user_id" = (select auth.uid()));--> statement-breakpoint
-- A user may rename or remove a passkey of theirs, never add one or touch its key
-- or counter: adding one is the service path's, after the browser's answer is verified.
REVOKE INSERT, UPDATE, TRUNCATE ON public.passkeys FROM anon, authenticated;--> statement-breakpoint
REVOKE DELETE ON public.passkeys FROM anon;--> statement-breakpoint
GRANT UPDATE (name) ON public.passkeys TO authenticated;--> statement-breakpoint
REVOKE ALL ON public.passkey_challenges FROM anon, authenticated;
