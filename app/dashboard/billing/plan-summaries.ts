import { PLAN_IDS, PLAN_RANK, PLANS, type Plan } from '@/server/billing/plans';

import type { PlanSummary } from './billing-overview';

/** What the billing pages show of the catalog (plan names are the catalog's, in English). */
export const planSummaries = (): PlanSummary[] =>
  PLAN_IDS.map((id) => ({ id, name: PLANS[id].name, rank: PLAN_RANK[id] }));

/** Each plan's display name, for the pages that confirm a checkout. */
export const planNames = () =>
  Object.fromEntries(PLAN_IDS.map((plan) => [plan, PLANS[plan].name])) as Record<Plan, string>;
