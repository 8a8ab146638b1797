import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

const planCheck = (column: unknown) => sql`${column} in ('free', 'pro', 'enterprise')`;

/**
 * A user's billing identity: their Stripe customer and the plan their subscriptions
 * currently grant. A user without a row is on the free plan. Owners read their own;
 * only the service path (checkout, webhooks, sync) writes.
 */
export const billingAccounts = pgTable(
  'billing_accounts',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    stripeCustomerId: text('stripe_customer_id').notNull().unique(),
    plan: text('plan', { enum: ['free', 'pro', 'enterprise'] })
      .notNull()
      .default('free'),
    syncedAt: timestamp('synced_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('billing_accounts_plan_known', planCheck(table.plan)),
    pgPolicy('billing_accounts_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
  ],
);

/**
 * Stripe subscriptions as last read from Stripe (never from an event's payload, which
 * may be stale or out of order). Periods come from the subscription item, where
 * current API versions keep them.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    stripeCustomerId: text('stripe_customer_id').notNull(),
    status: text('status').notNull(),
    priceId: text('price_id').notNull(),
    // Null when the price is not in the catalog (it then grants nothing).
    plan: text('plan', { enum: ['free', 'pro', 'enterprise'] }),
    interval: text('interval', { enum: ['month', 'year'] }),
    quantity: integer('quantity').notNull().default(1),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    cancelAt: timestamp('cancel_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    currentPeriodStart: timestamp('current_period_start', { withTimezone: true }),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('subscriptions_user_id_idx').on(table.userId),
    // Every sync reads a customer's subscriptions under that customer's lock.
    index('subscriptions_stripe_customer_id_idx').on(table.stripeCustomerId),
    check('subscriptions_plan_known', sql`${table.plan} is null or ${planCheck(table.plan)}`),
    pgPolicy('subscriptions_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.userId} = ${authUid}`,
    }),
  ],
);

/**
 * Stripe events already applied, by id: a redelivered event finds its row and does
 * nothing. No role but the service path sees this table.
 */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
}).enableRLS();

export type BillingAccount = typeof billingAccounts.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
