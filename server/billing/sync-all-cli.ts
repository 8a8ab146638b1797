// `npm run billing:sync`: makes every customer's plan and subscriptions equal
// Stripe's (after a webhook outage, or on a schedule). Without STRIPE_SECRET_KEY it
// talks to the local emulator (see sync-all-job.ts).
import { runCli } from '@/server/platform/runtime/control/client';

import { syncAllCustomersJob } from './sync-all-job';

await runCli(syncAllCustomersJob, {});
