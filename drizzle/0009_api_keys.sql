CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"display_prefix" text NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "api_keys_name_length" CHECK (char_length("api_keys"."name") between 1 and 80),
	CONSTRAINT "api_keys_scopes_known" CHECK ("api_keys"."scopes" <@ array['profile:read', 'profile:write', 'api-keys:read', 'api-keys:write', 'billing:read', 'billing:write', 'audit:read', 'metrics:read', 'admin']::text[])
);
--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_user_id_created_at_idx" ON "api_keys" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE POLICY "api_keys_select_own" ON "api_keys" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("api_keys"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "api_keys_insert_own" ON "api_keys" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("api_keys"."user_id" = (select auth.uid()) and "api_keys"."revoked_at" is null);--> statement-breakpoint
CREATE POLICY "api_keys_update_own" ON "api_keys" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("api_keys"."user_id" = (select auth.uid()) and "api_keys"."revoked_at" is null) WITH CHECK ("api_keys"."user_id" = (select auth.uid()) and "api_keys"."revoked_at" is not null);