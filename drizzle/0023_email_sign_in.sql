-- Passwordless sign-in (issue 18): sign_in links in email_tokens carry a hashed
-- 6-digit code and a count of wrong codes; a session says how it was proven. Adding
-- columns with constant defaults rewrites nothing. Each check is added NOT VALID and
-- then validated: the scan runs in this migration's transaction, but email_tokens
-- holds only live links (a few per account) and user_sessions' new column is
-- 'password' on every row, so it is brief. Dropping and re-adding the purpose check
-- is how a check's list grows; the old one held every row the new one allows.
ALTER TABLE "email_tokens" DROP CONSTRAINT "email_tokens_purpose_known";--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD COLUMN "code_hash" text;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD COLUMN "code_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_method_known" CHECK ("user_sessions"."method" in ('password', 'email-link', 'email-code')) NOT VALID;--> statement-breakpoint
ALTER TABLE "user_sessions" VALIDATE CONSTRAINT "user_sessions_method_known";--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_code_for_sign_in" CHECK (("email_tokens"."purpose" = 'sign_in') = ("email_tokens"."code_hash" is not null)) NOT VALID;--> statement-breakpoint
ALTER TABLE "email_tokens" VALIDATE CONSTRAINT "email_tokens_code_for_sign_in";--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_purpose_known" CHECK ("email_tokens"."purpose" in ('verify_email', 'reset_password', 'change_email', 'sign_in')) NOT VALID;--> statement-breakpoint
ALTER TABLE "email_tokens" VALIDATE CONSTRAINT "email_tokens_purpose_known";
