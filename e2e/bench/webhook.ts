import autocannon from 'autocannon';
import Stripe from 'stripe';

import { postJson } from './provision-key';

/**
 * Stripe webhook handling, one event at a time as Stripe sends them to an endpoint:
 * each a new event id (so each is applied, not deduplicated), each a full re-sync of
 * a paying customer from the (emulated) Stripe API and one database transaction.
 */
export async function benchWebhook(options: {
  base: string;
  emulatorUrl: string;
  secret: string;
  cookie: string;
  seconds: number;
}) {
  const { base, cookie } = options;
  const checkout = await postJson(base, '/api/v1/billing/checkout', { plan: 'pro' }, cookie);
  const { url } = ((await checkout.json()) as { data: { url: string } }).data;
  await fetch(`${url}/pay`, {
    method: 'POST',
    body: new URLSearchParams({ card: '4242424242424242' }),
    redirect: 'manual',
  });

  const { hostname, port } = new URL(options.emulatorUrl);
  const stripe = new Stripe('sk_test_bench', { host: hostname, port, protocol: 'http' });
  const [subscription] = (await stripe.subscriptions.list({ limit: 1 })).data;
  if (!subscription) throw new Error('the bench checkout made no subscription');

  let sequence = 0;
  const eventBody = () =>
    JSON.stringify({
      id: `evt_bench_${Date.now()}_${sequence++}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      type: 'customer.subscription.updated',
      data: {
        object: { id: subscription.id, object: 'subscription', customer: subscription.customer },
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    });
  const result = await autocannon({
    url: `${base}/api/webhooks/stripe`,
    connections: 1,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const body = eventBody();
          const signature = stripe.webhooks.generateTestHeaderString({
            payload: body,
            secret: options.secret,
          });
          return {
            ...request,
            body,
            headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`webhook: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  console.log(
    '\n| Stripe webhook (1 connection, each event re-syncs) | events/s | p50 ms | p99 ms |',
  );
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| customer.subscription.updated | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} |`,
  );
}
