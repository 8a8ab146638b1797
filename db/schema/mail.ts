import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every email the app sends, when no provider is configured (the embedded
 * default): the dev mailbox reads it. Service only: no policy grants the API roles
 * anything.
 */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}).enableRLS();

export type OutboxEmail = typeof emailOutbox.$inferSelect;
