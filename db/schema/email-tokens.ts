import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from 'drizzle-orm/supabase';

export const EMAIL_TOKEN_PURPOSES = [
  'verify_email',
  'reset_password',
  'change_email',
  'sign_in',
] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/**
 * One-time links the built-in provider mails (verify, reset, change of address,
 * passwordless sign-in). Only the SHA-256 of the token is stored; a token works
 * once, before it expires. A sign-in link also carries a 6-digit code, typed in
 * instead of opening the link: using either uses the row, so both.
 * Service only: RLS is on and no policy grants the API roles anything.
 */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: EMAIL_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** For change_email: the address that becomes the account's once confirmed. */
    newEmail: text('new_email'),
    /** For sign_in: the hash of the code mailed with the link (email-tokens.ts). */
    codeHash: text('code_hash'),
    /** Wrong codes typed against this row; at the limit the row is spent. */
    codeAttempts: integer('code_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [
    index('email_tokens_user_id_purpose_idx').on(table.userId, table.purpose),
    check(
      'email_tokens_purpose_known',
      sql`${table.purpose} in ('verify_email', 'reset_password', 'change_email', 'sign_in')`,
    ),
    check(
      'email_tokens_new_email_for_change',
      sql`(${table.purpose} = 'change_email') = (${table.newEmail} is not null)`,
    ),
    check(
      'email_tokens_code_for_sign_in',
      sql`(${table.purpose} = 'sign_in') = (${table.codeHash} is not null)`,
    ),
  ],
).enableRLS();

export type EmailToken = typeof emailTokens.$inferSelect;
