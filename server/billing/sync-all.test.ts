import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { auditLogs } from '@/db/schema';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { payCheckout, testBilling } from '@/test/helpers/stripe';

import { emulatorStripe } from './stripe-client';
import { syncAllCustomersAsService } from './sync-all';

const { api, db } = testApi({ billing: () => stripe.billing() });
// Read lazily by the client, so it may be defined after it.
const stripe = testBilling(db);

describe('npm run billing:sync (syncAllCustomersAsService)', () => {
  it('catches up with changes whose webhooks never arrived, and reports failures', async () => {
    stripe.emulator().setWebhookUrl(undefined); // an outage: no event reaches us
    const headers = asNewCaller();
    const user = await signedInUser(api, db(), { headers });
    const checkout = await api.postJson(
      '/billing/checkout',
      { plan: 'enterprise', interval: 'year' },
      { ...headers, cookie: user.cookie },
    );
    await payCheckout((await checkout.json()).data.url);
    const plan = async () =>
      (
        await api.rest('/billing/subscription', { headers: { ...headers, cookie: user.cookie } })
      ).json();
    expect((await plan()).data.plan).toBe('free');

    const report = await syncAllCustomersAsService(db(), stripe.billing().stripe);
    expect(report).toEqual({ customers: 1, planChanges: 1, seatChanges: 0, failures: [] });
    expect((await plan()).data).toMatchObject({
      plan: 'enterprise',
      subscription: { interval: 'year' },
    });
    // Nothing changed since: a second run changes nothing and audits nothing new.
    const audited = async () =>
      (
        await withServiceRole(db(), (tx) =>
          tx.select().from(auditLogs).where(eq(auditLogs.actorId, user.userId)),
        )
      ).length;
    const rows = await audited();
    expect(await syncAllCustomersAsService(db(), stripe.billing().stripe)).toEqual({
      customers: 1,
      planChanges: 0,
      seatChanges: 0,
      failures: [],
    });
    expect(await audited()).toBe(rows);

    const down = await syncAllCustomersAsService(db(), emulatorStripe('http://127.0.0.1:9'));
    expect(down.customers).toBe(0);
    expect(down.failures).toHaveLength(1);
  });
});
