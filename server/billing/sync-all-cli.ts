// `npm run billing:sync`: makes every customer's plan and subscriptions equal
// Stripe's (after a webhook outage, or on a schedule). With the embedded default it
// talks to the emulator of the running `npm start` (port PORT + 9000).
import { getDatabase } from '@/db/client';
import { env } from '@/server/platform/env';

import { billingFromEnv, emulatorStripe } from './stripe-client';
import { syncAllCustomersAsService } from './sync-all';

const stripe = billingFromEnv()?.stripe ?? emulatorStripe(`http://127.0.0.1:${env.PORT + 9000}`);
const database = await getDatabase();
const report = await syncAllCustomersAsService(database.db, stripe);
await database.close();
console.log(
  `Synced ${report.customers} customers; ${report.planChanges} plan changes; ${report.failures.length} failures.`,
);
for (const failure of report.failures) console.error(`  ${failure}`);
process.exit(report.failures.length > 0 ? 1 : 0);
