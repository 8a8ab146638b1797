import { existsSync } from 'node:fs';

/** The token the e2e server is started with, so specs can scrape /api/metrics. */
export const METRICS_TOKEN = 'e2e-metrics-token-0123456789';

/**
 * The e2e server's limits are the production ones times this, so that a full run
 * of specs from one address stays under them; the rate-limit spec counts with it.
 * 5 was outgrown once passkeys, OAuth, two-factor and impersonation added their
 * sign-ins: specs running in the same minute met the sign-in limit (25 a minute).
 */
export const E2E_RATE_LIMIT_MULTIPLIER = 10;

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own download. */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * With TEST_DATABASE_URL, the e2e server gets its own new database on that server
 * (its name fixed once per run through the environment); otherwise undefined and
 * the server uses a fresh embedded database.
 */
export function e2eDatabaseUrl(): string | undefined {
  if (!process.env.TEST_DATABASE_URL) return undefined;
  process.env.E2E_DATABASE_NAME ??= `leansaas_e2e_${Date.now()}`;
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${process.env.E2E_DATABASE_NAME}`;
  return url.toString();
}

/** Accounts that become admins when they confirm their address (ADMIN_EMAILS), one per spec. */
export const E2E_ADMINS = {
  flow: 'admin-flow@example.com',
  accessibility: 'admin-a11y@example.com',
  impersonation: 'admin-impersonation@example.com',
} as const;

/** The e2e server signs and checks Stripe webhooks with this (a second instance too). */
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_e2e_only_0123456789';
