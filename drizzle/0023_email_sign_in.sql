-- Passwordless sign-in (issue 18): sign_in links in email_tokens carry a hashed
-- 6-digit code and a count of wrong codes; a session says how it was proven. Adding
-- columns with constant defaults rewrites nothing. The checks are added NOT VALID and
-- left so: Postgres enforces them on every row written from now on, and the rows
-- before hold them already (every session's method is the default 'password'; the
-- new purpose list contains the old one). Validating here would scan user_sessions
-- and email_tokens, which keep every row they ever had, while this transaction holds
-- the exclusive lock ADD COLUMN took, blocking every session lookup meanwhile.
ALTER TABLE "email_tokens" DROP CONSTRAINT "email_tokens_purpose_known";--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD COLUMN "code_hash" text;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD COLUMN "code_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_method_known" CHECK ("user_sessions"."method" in ('password', 'email-link', 'email-code')) NOT VALID;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_code_for_sign_in" CHECK (("email_tokens"."purpose" = 'sign_in') = ("email_tokens"."code_hash" is not null)) NOT VALID;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_purpose_known" CHECK ("email_tokens"."purpose" in ('verify_email', 'reset_password', 'change_email', 'sign_in')) NOT VALID;
