import { z } from 'zod';

import { dateTime } from '@/server/platform/http/output';

import { INTERVALS, PLAN_IDS } from './plans';

export const checkoutInput = z.object({
  plan: z.enum(['pro', 'enterprise']),
  interval: z.enum(INTERVALS).default('month'),
});

export const redirectOutput = z.object({
  /** Stripe's hosted page; send the user's browser there. */
  url: z.url(),
});

export const confirmCheckoutInput = z.object({
  sessionId: z.string().regex(/^cs_[A-Za-z0-9_]{1,250}$/, 'must be a Checkout Session id (cs_…)'),
});

const limitUsage = z.object({
  used: z.number().int(),
  /** Null: unlimited. */
  limit: z.number().int().nullable(),
});

export const subscriptionView = z.object({
  id: z.string(),
  status: z.string(),
  plan: z.enum(PLAN_IDS).nullable(),
  interval: z.enum(INTERVALS).nullable(),
  /** Seats billed: the organization's members, kept in step as they join and leave. */
  quantity: z.number().int(),
  cancelAtPeriodEnd: z.boolean(),
  cancelAt: dateTime().nullable(),
  canceledAt: dateTime().nullable(),
  currentPeriodEnd: dateTime().nullable(),
});

export const billingOverview = z.object({
  plan: z.enum(PLAN_IDS),
  /** The subscription that grants the plan, else the most recent one; null if none. */
  subscription: subscriptionView.nullable(),
  hasBillingAccount: z.boolean(),
  usage: z.object({
    /** Members now, against the plan's cap (null: paid plans bill per member instead). */
    seats: limitUsage,
    apiKeys: limitUsage,
    /** This caller's own hourly limit (their tier), as counted for this very request; null if unknown. */
    requests: limitUsage.extend({ resetsAt: dateTime() }).nullable(),
  }),
});

export const planCatalog = z.array(
  z.object({
    id: z.enum(PLAN_IDS),
    name: z.string(),
    description: z.string(),
    amounts: z.object({ month: z.number().int(), year: z.number().int() }),
    highlights: z.array(z.string()),
    apiKeys: z.number().int().nullable(),
    /** Members a team may have; null: unlimited, billed per member. */
    members: z.number().int().nullable(),
  }),
);
