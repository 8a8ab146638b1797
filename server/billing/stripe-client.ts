import Stripe from 'stripe';

import { env } from '@/env';

/** The API version this code and its types are written for; Stripe answers in it. */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

export type Billing = {
  stripe: Stripe;
  /** Verifies webhook signatures; null when not configured (webhooks are refused). */
  webhookSecret: string | null;
  mode: 'stripe' | 'emulator';
};

const options = {
  apiVersion: STRIPE_API_VERSION,
  maxNetworkRetries: 2,
  timeout: 10_000,
  appInfo: { name: 'Lean SaaS' },
} satisfies Stripe.StripeConfig;

/** A Stripe client for the local emulator at `url` (the real SDK, another host). */
export function emulatorStripe(url: string): Stripe {
  const { hostname, port, protocol } = new URL(url);
  return new Stripe('sk_test_emulator', {
    ...options,
    host: hostname,
    port: Number(port),
    protocol: protocol === 'https:' ? 'https' : 'http',
  });
}

const holder = globalThis as typeof globalThis & { __leanSaasBilling?: Billing | null };

/**
 * Stripe when STRIPE_SECRET_KEY is set; else the local emulator that `npm start` and
 * `npm run dev` start (server.mjs sets STRIPE_EMULATOR_URL); else null: billing is
 * unavailable and its procedures answer 503.
 */
export function billingFromEnv(): Billing | null {
  if (holder.__leanSaasBilling !== undefined) return holder.__leanSaasBilling;
  let billing: Billing | null = null;
  if (env.STRIPE_SECRET_KEY) {
    billing = {
      stripe: new Stripe(env.STRIPE_SECRET_KEY, options),
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
      mode: 'stripe',
    };
  } else if (env.STRIPE_EMULATOR_URL) {
    billing = {
      stripe: emulatorStripe(env.STRIPE_EMULATOR_URL),
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
      mode: 'emulator',
    };
  }
  holder.__leanSaasBilling = billing;
  return billing;
}
