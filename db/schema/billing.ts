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

import { memberOrganizations, organizations } from './organizations';

const planCheck = (column: unknown) => sql`${column} in ('free', 'pro', 'enterprise')`;

/**
 * An organization's billing identity: its Stripe customer and the plan its
 * subscriptions currently grant. An organization without a row is on the free plan.
 * Every member reads its plan (their limits follow it); only the service path
 * (checkout, webhooks, sync) writes.
 */
export const billingAccounts = pgTable(
  'billing_accounts',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    // Before 0021 an account belonged to a user. Still filled in by the previous
    // release during a rolling deploy (0021's trigger turns it into the user's
    // personal workspace); this release never reads or writes it. Drop it later.
    userId: uuid('user_id')
      .unique()
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
    pgPolicy('billing_accounts_select_member', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.organizationId} = any(${memberOrganizations})`,
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
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    // Before 0021: the user it belonged to. As billing_accounts.user_id: the previous
    // release's, never read or written by this one. Drop it later.
    userId: uuid('user_id').references(() => authUsers.id, { onDelete: 'cascade' }),
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
    index('subscriptions_organization_id_created_at_idx').on(table.organizationId, table.createdAt),
    // Every sync reads a customer's subscriptions under that customer's lock.
    index('subscriptions_stripe_customer_id_idx').on(table.stripeCustomerId),
    check('subscriptions_plan_known', sql`${table.plan} is null or ${planCheck(table.plan)}`),
    // Those who manage the organization's billing: owners, admins, billing members.
    pgPolicy('subscriptions_select_billing', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${table.organizationId} = any(${memberOrganizations}) and private.member_role(${table.organizationId}, ${authUid}) in ('owner', 'admin', 'billing')`,
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
