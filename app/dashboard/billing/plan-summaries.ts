import { getTranslations } from 'next-intl/server';

import type { Messages } from '@/server/i18n/messages';
import { PLAN_IDS, PLAN_RANK, type Plan } from '@/server/billing/plans';

import type { PlanSummary } from './billing-overview';

type PlanMessages = Messages['billing']['plans'];

/**
 * The feature lines each plan's card lists, in order; their words are the messages
 * `billing.plans.<id>.features.<line>`. Indexing the messages by every Plan makes a
 * plan without messages a compile error (the parity test then holds German to it).
 */
export const FEATURE_LINES = {
  free: ['members', 'apiKeys', 'requests', 'support'],
  pro: ['apiKeys', 'requests', 'support'],
  enterprise: ['apiKeys', 'requests', 'sso', 'support'],
} as const satisfies { [P in Plan]: readonly (keyof PlanMessages[P]['features'])[] };

type PlanKey =
  | `${Plan}.name`
  | `${Plan}.description`
  | { [P in Plan]: `${P}.features.${(typeof FEATURE_LINES)[P][number]}` }[Plan];

export type PlanWords = { name: string; description: string; features: string[] };

/**
 * Each plan's words from a translator of `billing.plans`. The catalog
 * (server/billing/plans.ts) keeps English words for the API; pages show these.
 */
export function planWordsWith(t: (key: PlanKey) => string): Record<Plan, PlanWords> {
  return Object.fromEntries(
    PLAN_IDS.map((id) => [
      id,
      {
        name: t(`${id}.name`),
        description: t(`${id}.description`),
        features: FEATURE_LINES[id].map((line) => t(`${id}.features.${line}` as PlanKey)),
      },
    ]),
  ) as Record<Plan, PlanWords>;
}

/** Each plan's words in the page's language, for server pages to hand their client parts. */
export const planWords = async () => planWordsWith(await getTranslations('billing.plans'));

/** What the billing pages show of the catalog, named in the page's language. */
export async function planSummaries(): Promise<PlanSummary[]> {
  const words = await planWords();
  return PLAN_IDS.map((id) => ({ id, name: words[id].name, rank: PLAN_RANK[id] }));
}

/** Each plan's display name in the page's language (the checkout confirmations, the overview). */
export async function planNames(): Promise<Record<Plan, string>> {
  const words = await planWords();
  return Object.fromEntries(PLAN_IDS.map((id) => [id, words[id].name])) as Record<Plan, string>;
}
