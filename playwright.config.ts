import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { defineConfig, devices } from '@playwright/test';

import {
  chromiumExecutable,
  E2E_ADMINS,
  E2E_STRIPE_WEBHOOK_SECRET,
  E2E_RATE_LIMIT_MULTIPLIER,
  e2eDatabaseUrl,
  METRICS_TOKEN,
} from './e2e/support/environment';

/**
 * e2e against the production build (`npm run build` first): the config starts
 * `npm start` on its own port with a fresh embedded database, or with a fresh
 * database on TEST_DATABASE_URL's server when that is set.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Computed once in the runner and inherited by workers through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'leansaas-e2e-'));
process.env.E2E_REDIS_KEY_PREFIX ??= `e2e-${Date.now()}`;
const databaseUrl = e2eDatabaseUrl();

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Two workers, their browsers and the server share two cores, and the axe scans
  // hold one of them for minutes: a page reload plus its first query has taken over
  // the default 5 s there. 10 s still fails a page that never shows what it should.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      // Debian's Chromium as root, in a sandbox with no outside network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
    { name: 'ui', testMatch: 'ui/**/*.spec.ts', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: databaseUrl
      ? 'npx tsx e2e/support/create-database.ts && npm run db:migrate && npm start'
      : 'npm start',
    url: `${baseURL}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      DATA_DIR: process.env.E2E_DATA_DIR,
      METRICS_TOKEN,
      // The production build as `npm start` runs it: a local app, so the dev mailbox
      // and the Stripe emulator are on by default, and specs follow emailed links.
      // The admin specs' account becomes an admin when it confirms its address.
      ADMIN_EMAILS: Object.values(E2E_ADMINS).join(','),
      // The admin specs' admins sign in with a password alone; the rule that the admin
      // area needs two-factor is tested in server/auth/two-factor/two-factor.test.ts.
      ADMIN_REQUIRE_2FA: 'false',
      // A second factor counts for 5 s for sensitive actions (10 minutes by default), so
      // that the two-factor spec meets the step-up dialog without waiting 10 minutes.
      TWO_FACTOR_STEP_UP_SECONDS: '5',
      STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
      RATE_LIMIT_MULTIPLIER: String(E2E_RATE_LIMIT_MULTIPLIER),
      // A shared Redis (REDIS_URL) keeps counters across runs: start each run afresh.
      REDIS_KEY_PREFIX: process.env.E2E_REDIS_KEY_PREFIX,
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  },
});
