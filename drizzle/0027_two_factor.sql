-- Two-factor authentication (TOTP): the factors and their recovery codes, both
-- service only (RLS on, no policy for the API roles); a session records when it last
-- proved the second factor. The new column has no default, so adding it rewrites
-- nothing; the foreign keys are on new, empty tables (the referenced auth.users
-- takes a brief SHARE ROW EXCLUSIVE lock, which does not block reads).
CREATE TABLE "two_factor_factors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"enabled_at" timestamp with time zone,
	"last_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "two_factor_factors_step_positive" CHECK ("two_factor_factors"."last_step" >= 0)
);
--> statement-breakpoint
ALTER TABLE "two_factor_factors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "two_factor_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "two_factor_recovery_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
-- lock-ok: a new, empty table; auth.users is locked briefly against writes only.
ALTER TABLE "two_factor_factors" ADD CONSTRAINT "two_factor_factors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- lock-ok: as above.
ALTER TABLE "two_factor_recovery_codes" ADD CONSTRAINT "two_factor_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- lock-ok: the table is new and empty.
CREATE INDEX "two_factor_recovery_codes_user_id_idx" ON "two_factor_recovery_codes" USING btree ("user_id","code_hash");--> statement-breakpoint
-- Service only, as email_tokens and passkey_challenges: RLS hides the rows, and no
-- API role keeps a privilege RLS does not govern (TRUNCATE).
REVOKE ALL ON public.two_factor_factors, public.two_factor_recovery_codes FROM anon, authenticated;
