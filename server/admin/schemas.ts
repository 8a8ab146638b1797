import { z } from 'zod';

import { apiKeyOutput } from '@/server/api-keys/schemas';
import { eventAboutUserOutput } from '@/server/audit/schemas';
import { userSessionOutput } from '@/server/auth/schemas';
import { PLAN_IDS } from '@/server/billing/plans';
import { subscriptionView } from '@/server/billing/schemas';
import { healthOutput, metricsOutput } from '@/server/core/schemas';
import { cursorInput } from '@/server/platform/http/cursor';
import { day, text } from '@/server/platform/http/input';
import { dateTime } from '@/server/platform/http/output';

export const userSearchInput = z.object({
  /** Part of the email address, case-insensitive. */
  email: text('The email search').trim().max(200).optional(),
  plan: z.enum(PLAN_IDS).optional(),
  /** Users with a subscription in this state. */
  status: z.enum(['active', 'trialing', 'past_due', 'canceled', 'unpaid']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: cursorInput.optional(),
});

export const userSummary = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  role: z.enum(['user', 'admin']),
  plan: z.enum(PLAN_IDS),
  subscriptionStatus: z.string().nullable(),
  emailConfirmed: z.boolean(),
  createdAt: dateTime(),
});

export const userSearchOutput = z.object({
  items: z.array(userSummary),
  nextCursor: z.string().nullable(),
});

export const userIdInput = z.object({ userId: z.uuid() });

export const userDetailOutput = z.object({
  user: userSummary,
  subscriptions: z.array(
    subscriptionView.pick({
      id: true,
      status: true,
      plan: true,
      interval: true,
      cancelAtPeriodEnd: true,
      currentPeriodEnd: true,
    }),
  ),
  // Keys by display prefix and state; expiry and revocation dates are the owner's page's.
  apiKeys: z.array(
    apiKeyOutput.pick({
      id: true,
      name: true,
      displayPrefix: true,
      scopes: true,
      status: true,
      lastUsedAt: true,
      createdAt: true,
    }),
  ),
  sessions: z.array(userSessionOutput),
  recentEvents: z.array(eventAboutUserOutput),
});

export const revokeSessionInput = z.object({ userId: z.uuid(), sessionId: z.uuid() });
export const revokeApiKeyInput = z.object({ userId: z.uuid(), apiKeyId: z.uuid() });
export const setRoleInput = z.object({ userId: z.uuid(), role: z.enum(['user', 'admin']) });

const dateRange = z
  .object({ from: day('The start date'), to: day('The end date') })
  .refine((range) => range.from <= range.to, { message: 'must not be before from', path: ['to'] });
export const complianceInput = dateRange;

export const complianceOutput = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({ action: z.string(), events: z.number().int(), users: z.number().int() }),
  ),
  /** The same rows as CSV, header first. */
  csv: z.string(),
});

export const errorReportsInput = z.object({
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const errorReportOutput = z.object({
  id: z.uuid(),
  fingerprint: z.string(),
  source: z.enum(['client', 'server']),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  category: z.string(),
  message: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  count: z.number().int(),
  firstSeenAt: dateTime(),
  lastSeenAt: dateTime(),
  resolvedAt: dateTime().nullable(),
});

export const errorReportIdInput = z.object({ id: z.uuid() });

export const systemOverviewOutput = z.object({
  health: healthOutput,
  metrics: metricsOutput,
  /** This process's last hour, oldest minute first. */
  history: z.array(
    z.object({
      minute: z.string(),
      requests: z.number(),
      serverErrors: z.number(),
      cacheHits: z.number(),
      cacheLookups: z.number(),
      rateLimitRefusals: z.number(),
    }),
  ),
  business: z.object({
    users: z.number().int(),
    activeApiKeys: z.number().int(),
    billingEvents: z.number().int(),
    billingEventsToday: z.number().int(),
    activeSubscriptionsByPlan: z.array(
      z.object({ plan: z.string(), subscriptions: z.number().int() }),
    ),
  }),
});

export const organizationSearchInput = z.object({
  /** Part of the team's name or slug, case-insensitive. */
  query: text('The search').trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const organizationSearchOutput = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      slug: z.string(),
      createdAt: dateTime(),
      members: z.number().int(),
      owners: z.array(z.string()),
      plan: z.enum(PLAN_IDS),
      /** The latest subscription: its status and the seats it bills; null if none. */
      subscription: z.object({ status: z.string(), seats: z.number().int() }).nullable(),
    }),
  ),
});
