-- The language a person chose for the product (server/i18n/locales.ts); null: their
-- browser's. Adding a nullable column with no default rewrites nothing. The check is
-- added NOT VALID, then validated: in this migration's transaction, so the scan runs
-- under ADD COLUMN's lock, but every row is NULL by construction and profiles holds
-- one small row per account, so it is brief.
ALTER TABLE "profiles" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_locale_tag" CHECK ("profiles"."locale" is null or "profiles"."locale" ~ '^[a-z]{2}$') NOT VALID;--> statement-breakpoint
ALTER TABLE "profiles" VALIDATE CONSTRAINT "profiles_locale_tag";--> statement-breakpoint
-- People set their own language, as they set their name (column privileges, 0003).
GRANT UPDATE (locale) ON public.profiles TO authenticated;
