import path from 'node:path';

import type Stripe from 'stripe';
import { z } from 'zod';

import { defineJob } from '@/server/platform/runtime/control/channel';
import { env } from '@/env';
import { isLocal } from '@/server/platform/runtime/stand-ins';
import { spawnStripeEmulator } from '@/server/platform/runtime/stripe-emulator-process.mjs';

import { billingFromEnv, emulatorStripe } from './stripe-client';
import { syncAllCustomersAsService } from './sync-all';

async function answers(url: string) {
  return fetch(`${url}/v1/prices?limit=1`, {
    headers: { authorization: 'Bearer sk_test_emulator' },
    signal: AbortSignal.timeout(1_000),
  }).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * Stripe when configured; else the local emulator: the running app's (port PORT +
 * 9000), else, when none runs, one started here on the emulator's saved state;
 * null on a deployed app without Stripe.
 */
async function stripeToSync(): Promise<{ stripe: Stripe; close: () => Promise<void> } | null> {
  const configured = billingFromEnv();
  if (configured) return { stripe: configured.stripe, close: async () => {} };
  const running = `http://127.0.0.1:${env.PORT + 9000}`;
  if (await answers(running)) return { stripe: emulatorStripe(running), close: async () => {} };
  // As in server.mjs: a deployed app never runs a stand-in (a sync against an empty
  // emulator would only report every customer as a failure).
  if (!isLocal()) return null;
  // The emulator is a stand-in outside the product: started as a process, as
  // server.mjs starts it, on its saved state, with no webhooks (this run syncs instead).
  const emulator = spawnStripeEmulator({
    root: process.cwd(),
    port: 0,
    webhookSecret: 'whsec_billing_sync_sends_no_webhooks',
    stateFile: path.resolve(env.DATA_DIR, 'stripe-emulator.json'),
    quiet: true,
  });
  try {
    return { stripe: emulatorStripe(await emulator.listening), close: () => emulator.stop() };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

/** `npm run billing:sync`, run by the CLI or, while the app runs, inside the app. */
export const syncAllCustomersJob = defineJob({
  name: 'billing:sync',
  input: z.object({}),
  run: async ({ db }) => {
    const source = await stripeToSync();
    if (!source) {
      return {
        ok: false,
        message: 'STRIPE_SECRET_KEY is not set: there is no Stripe to sync from.',
      };
    }
    const { stripe, close } = source;
    try {
      const report = await syncAllCustomersAsService(db, stripe);
      return {
        ok: report.failures.length === 0,
        message: `Synced ${report.customers} customers; ${report.planChanges} plan changes; ${report.seatChanges} seat changes; ${report.failures.length} failures.`,
        details: report.failures.map((failure) => `  ${failure}`),
      };
    } finally {
      await close();
    }
  },
});
