import { describe, expect, it } from 'vitest';

import { auditPruneJob } from '@/server/audit/cron';
import { billingSyncJob } from '@/server/billing/cron';
import { testApi } from '@/test/helpers/api-client';
import { testBilling } from '@/test/helpers/stripe';

import { createCronHandler } from './cron';

const { db } = testApi();
const stripe = testBilling(db);
const SECRET = 'cron-secret-0123456789abcdef';

const call = (handler: (request: Request) => Promise<Response>, authorization?: string) =>
  handler(
    new Request('http://localhost/api/cron/job', {
      headers: authorization ? { authorization } : {},
    }),
  );

describe('cron routes', () => {
  it('do not exist without CRON_SECRET, refuse a wrong token, and run the job with the right one', async () => {
    const getDb = async () => db();
    const unconfigured = createCronHandler('audit-prune', auditPruneJob, {
      getDb,
      secret: () => undefined,
    });
    expect((await call(unconfigured, `Bearer ${SECRET}`)).status).toBe(404);

    const prune = createCronHandler('audit-prune', auditPruneJob, { getDb, secret: () => SECRET });
    expect((await call(prune)).status).toBe(401);
    expect((await call(prune, 'Bearer not-the-secret')).status).toBe(401);
    const ran = await call(prune, `Bearer ${SECRET}`);
    expect(ran.status).toBe(200);
    expect((await ran.json()).data).toEqual({ olderThanDays: 365, deleted: 0 });

    const sync = createCronHandler('billing-sync', billingSyncJob(stripe.billing), {
      getDb,
      secret: () => SECRET,
    });
    const synced = await call(sync, `Bearer ${SECRET}`);
    expect(synced.status).toBe(200);
    expect((await synced.json()).data).toEqual({
      customers: 0,
      planChanges: 0,
      seatChanges: 0,
      failures: 0,
    });
  });
});
