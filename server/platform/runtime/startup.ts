import { getDatabase } from '@/db/client';
import { measureDatabaseLatencyMs } from '@/server/platform/observability/database-latency';
import type { Database } from '@/db/types';

import { appUrl } from '@/server/platform/http/app-url';
import { errorLine, type AnyJob } from './control/channel';
import { startControlServer } from './control/server';
import { env } from '@/env';
import { logger } from '@/server/platform/observability/logger';
import { startMetricHistory } from '@/server/platform/observability/metric-history';
import { registerDatabaseMetrics } from '@/server/platform/observability/metrics';
import { sharedStorePing } from '@/server/platform/infra/redis';
import { rateLimitStore } from '@/server/platform/infra/rate-limit/store';
import { devMailboxEnabled, isLocal, missingForDeployment } from './stand-ins';

const holder = globalThis as typeof globalThis & { __leanSaasControl?: Promise<unknown> };

/**
 * Lets `npm run admin:grant` and the other CLIs run their jobs in this app, which
 * owns DATA_DIR (kept on globalThis, like the database, across dev-mode reloads).
 * Without it the app still serves; only those CLIs then need it stopped.
 */
function startControlChannel(db: Database, jobs: readonly AnyJob[]) {
  holder.__leanSaasControl ??= startControlServer({
    dataDir: env.DATA_DIR,
    db,
    jobs,
    log: logger,
  }).catch((error: unknown) =>
    logger.error(
      `The control socket did not start (${errorLine(error)}): npm run admin:grant and the other CLIs need the app stopped.`,
    ),
  );
  return holder.__leanSaasControl;
}

/**
 * Validates the environment (importing the logger imports env) and opens the
 * database, applying migrations to the embedded one, so that a bad variable or a
 * DATA_DIR owned by another process stops the server now, not at the first request.
 */
export async function startServer(options: {
  /** What `npm run …` CLIs may ask this app to run (server/jobs.ts). */
  controlJobs: readonly AnyJob[];
  /** Who keeps the accounts (server/auth decides; it sits above this layer). */
  authProvider: 'built-in' | 'supabase';
}) {
  try {
    const supabaseAuth = options.authProvider === 'supabase';
    const missing = missingForDeployment({ supabaseAuth });
    if (missing.length > 0) {
      throw new Error(
        `APP_URL (${env.APP_URL ?? 'Vercel'}) is not a local address, so the local stand-ins are off ` +
          `and these must be set:\n  - ${missing.join('\n  - ')}\nSee docs/deploy.md.`,
      );
    }
    const { kind, db } = await getDatabase();
    // Postgres takes many clients: there the CLIs connect directly.
    if (kind === 'embedded') await startControlChannel(db, options.controlJobs);
    startMetricHistory();
    // Connect to the shared store now, not on the first request, which would pay
    // for the connection inside the limiter's timeout (unreachable: logged there).
    sharedStorePing()?.().catch(() => {});
    registerDatabaseMetrics(
      () => measureDatabaseLatencyMs(db),
      kind === 'embedded' ? 1 : env.DATABASE_POOL_MAX,
    );
    logger.info(
      {
        database: kind,
        rateLimitStore: rateLimitStore().kind,
        auth: options.authProvider,
        local: isLocal(),
        billing: env.STRIPE_SECRET_KEY ? 'stripe' : env.STRIPE_EMULATOR_URL ? 'emulator' : 'off',
        appUrl: appUrl('/'),
      },
      'ready',
    );
    announceStandIns();
    if (env.NODE_ENV === 'production' && isLocal() && !env.APP_URL) {
      // The rule cannot see a server that others reach without APP_URL (a container
      // behind a load balancer): say what that means, once, where the operator looks.
      logger.info(
        `APP_URL is not set, so this app counts as local: emailed links point at ${appUrl('/')} ` +
          'and the local stand-ins are on. If others reach this server, set APP_URL to its public address.',
      );
    }
    const priceVariables = [
      'STRIPE_PRICE_PRO_MONTHLY',
      'STRIPE_PRICE_PRO_YEARLY',
      'STRIPE_PRICE_ENTERPRISE_MONTHLY',
      'STRIPE_PRICE_ENTERPRISE_YEARLY',
    ] as const;
    const unset = priceVariables.filter((name) => !env[name]);
    if (env.STRIPE_SECRET_KEY && unset.length > 0) {
      // The emulator's price ids mean nothing to Stripe: every checkout would fail.
      throw new Error(`STRIPE_SECRET_KEY is set, so ${unset.join(', ')} must be set too.`);
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      logger.warn(
        'STRIPE_WEBHOOK_SECRET is not set: Stripe webhooks are refused, and plans change only when a user returns from checkout or `npm run billing:sync` runs.',
      );
    }
    if (
      env.NODE_ENV === 'production' &&
      !env.TRUSTED_IP_HEADER &&
      !env.VERCEL &&
      !env.SOCKET_IP_HEADER
    ) {
      logger.error(
        'No source for client addresses: every anonymous caller shares one rate-limit bucket. ' +
          'Start with `npm start` (server.mjs), or set TRUSTED_IP_HEADER behind a proxy.',
      );
    }
  } catch (error) {
    console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** One line per stand-in in use, so a newcomer knows where mail and payments went. */
function announceStandIns() {
  if (devMailboxEnabled()) {
    logger.info(`Emails land in the dev mailbox at ${appUrl('/dev/mailbox')}`);
  }
  if (!env.STRIPE_SECRET_KEY && env.STRIPE_EMULATOR_URL) {
    logger.info(
      `Payments go to the local Stripe emulator at ${env.STRIPE_EMULATOR_URL} (card 4242 4242 4242 4242 pays)`,
    );
  } else if (!env.STRIPE_SECRET_KEY) {
    logger.warn('Billing is off: set STRIPE_SECRET_KEY and the STRIPE_PRICE_* variables.');
  }
  if (rateLimitStore().kind === 'memory') {
    logger.info('Rate limits are counted in this process only (set REDIS_URL to share them).');
  }
}
