import { env } from '@/server/platform/env';

const PROBE_CACHE_MS = 30_000;

/**
 * A probe that calls a provider's API with our key, remembering a success for 30 s
 * so that uptime monitors hitting /health do not turn into a stream of API calls.
 */
function cachedHttpProbe(url: string, key: string, isUp: (status: number) => boolean) {
  let okUntil = 0;
  return async () => {
    if (Date.now() < okUntil) return;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
    await response.body?.cancel();
    if (!isUp(response.status)) throw new Error(`${url} answered ${response.status}`);
    okUntil = Date.now() + PROBE_CACHE_MS;
  };
}

// A restricted Stripe key may lack the balance permission (403) yet be valid.
export const stripeProbe = env.STRIPE_SECRET_KEY
  ? cachedHttpProbe(
      'https://api.stripe.com/v1/balance',
      env.STRIPE_SECRET_KEY,
      (status) => status === 200 || status === 403,
    )
  : null;

// A sending-only Resend key cannot list domains (401 restricted) but proves reachability.
export const emailProbe = env.RESEND_API_KEY
  ? cachedHttpProbe(
      'https://api.resend.com/domains',
      env.RESEND_API_KEY,
      (status) => status === 200 || status === 401,
    )
  : null;
