import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from 'drizzle-orm/supabase';

/**
 * A built-in account's authenticator (TOTP, RFC 6238). The secret is stored
 * encrypted (AES-256-GCM, server/auth/two-factor/secret-box.ts); `enabledAt` is null
 * while an enrolment waits for its first code. `lastStep` is the time step of the
 * last accepted code: a code of that step or an earlier one is refused (no replay).
 * Service only: RLS is on and no policy grants the API roles anything, since the
 * row holds a credential.
 */
export const twoFactorFactors = pgTable(
  'two_factor_factors',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    secretCiphertext: text('secret_ciphertext').notNull(),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    lastStep: bigint('last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('two_factor_factors_step_positive', sql`${table.lastStep} >= 0`)],
).enableRLS();

/**
 * Ten one-time recovery codes per enrolment, only their SHA-256 stored (the codes
 * are random, 50 bits and more, so a fast hash suffices: there is no dictionary to
 * try). A used code keeps its row with `usedAt`, so using it again is told apart.
 * Service only, as above.
 */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('two_factor_recovery_codes_user_id_idx').on(table.userId, table.codeHash)],
).enableRLS();

export type TwoFactorFactor = typeof twoFactorFactors.$inferSelect;
