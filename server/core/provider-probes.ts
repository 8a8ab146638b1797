import { env } from '@/env';

const PROBE_CACHE_MS = 30_000;

/**
 * A probe that calls a provider's API with our key and remembers the outcome, up or
 * down, for 30 s, so that uptime monitors hitting /health (or an outage) never turn
 * into a stream of calls to the provider. Each call is aborted at the health timeout.
 */
function cachedHttpProbe(url: string, key: string, isUp: (status: number) => boolean) {
  let last: { up: boolean; at: number } | undefined;
  return async () => {
    if (!last || Date.now() - last.at > PROBE_CACHE_MS) {
      const up = await fetch(url, {
        headers: { Authorization: `Bearer ${key}` },
        signal: AbortSignal.timeout(env.HEALTH_CHECK_TIMEOUT_MS),
      }).then(
        async (response) => {
          await response.body?.cancel();
          return isUp(response.status);
        },
        () => false,
      );
      last = { up, at: Date.now() };
    }
    if (!last.up) throw new Error(`${url} is not answering as expected`);
  };
}

// A restricted Stripe key may lack the balance permission (403) yet be valid. The
// local emulator is checked the same way, on a route it serves.
export const stripeProbe = env.STRIPE_SECRET_KEY
  ? cachedHttpProbe(
      'https://api.stripe.com/v1/balance',
      env.STRIPE_SECRET_KEY,
      (status) => status === 200 || status === 403,
    )
  : env.STRIPE_EMULATOR_URL
    ? cachedHttpProbe(
        `${env.STRIPE_EMULATOR_URL}/v1/prices?limit=1`,
        'sk_test_emulator',
        (status) => status === 200,
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
