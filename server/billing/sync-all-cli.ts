// `npm run billing:sync`: makes every customer's plan and subscriptions equal
// Stripe's (after a webhook outage, or on a schedule). Without STRIPE_SECRET_KEY it
// talks to the local emulator: the running app's (port PORT + 9000), else, when the
// app is stopped, the emulator's saved state opened here.
import path from 'node:path';

import type Stripe from 'stripe';

import { getDatabase } from '@/db/client';
import { env } from '@/server/platform/env';
import { startStripeEmulator } from '@/server/stripe-emulator';

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

async function stripeToSync(): Promise<{ stripe: Stripe; close: () => Promise<void> }> {
  const configured = billingFromEnv();
  if (configured) return { stripe: configured.stripe, close: async () => {} };
  const running = `http://127.0.0.1:${env.PORT + 9000}`;
  if (await answers(running)) return { stripe: emulatorStripe(running), close: async () => {} };
  const emulator = await startStripeEmulator({
    webhookSecret: 'whsec_billing_sync_sends_no_webhooks',
    stateFile: path.resolve(env.DATA_DIR, 'stripe-emulator.json'),
  });
  return { stripe: emulatorStripe(emulator.url), close: () => emulator.close() };
}

const { stripe, close } = await stripeToSync();
const database = await getDatabase();
const report = await syncAllCustomersAsService(database.db, stripe);
await database.close();
await close();
console.log(
  `Synced ${report.customers} customers; ${report.planChanges} plan changes; ${report.failures.length} failures.`,
);
for (const failure of report.failures) console.error(`  ${failure}`);
process.exit(report.failures.length > 0 ? 1 : 0);
