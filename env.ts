import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

/**
 * The one place that reads the environment. Every optional service falls back to
 * its embedded default when unset; a value that is set but wrong stops the process
 * at start with a message naming the variable.
 */
const postgresUrl = z
  .url()
  .refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must start with postgres:// or postgresql://',
  );

const stripePrice = z
  .string()
  .regex(/^price_/, 'must start with price_')
  .optional();

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATABASE_URL: postgresUrl.optional(),
    // Migrations need a session (Supabase: the direct connection, not the pooler).
    DIRECT_DATABASE_URL: postgresUrl.optional(),
    // Unset: off behind a transaction pooler (port 6543 or ?pgbouncer=true), else on.
    DATABASE_PREPARE: z.stringbool().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATA_DIR: z.string().min(1).default('.data'),
    TEST_DATABASE_URL: postgresUrl.optional(),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    REDIS_URL: z
      .url()
      .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://')
      .optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_/, 'must start with sk_ or rk_')
      .optional(),
    // Signing secret of the webhook endpoint (Stripe dashboard, or `stripe listen`).
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_/, 'must start with whsec_')
      .optional(),
    // Set by server.mjs, never by hand: the local Stripe emulator, when no key is set.
    STRIPE_EMULATOR_URL: z.url().optional(),
    // OAuth sign-in (README, "Continue with GitHub / Google"): each provider's app
    // credentials. Unset on a local app: the local identity provider stands in.
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    // With Supabase Auth: the providers enabled in its dashboard, e.g. "github,google".
    SUPABASE_OAUTH_PROVIDERS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((name) => name.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(['github', 'google']))),
    // Set by server.mjs, never by hand: the local identity provider (packages/oauth-emulator).
    OAUTH_EMULATOR_URL: z.url().optional(),
    // The catalog's Stripe prices; unset, the emulator's seeded ids.
    STRIPE_PRICE_PRO_MONTHLY: stripePrice,
    STRIPE_PRICE_PRO_YEARLY: stripePrice,
    STRIPE_PRICE_ENTERPRISE_MONTHLY: stripePrice,
    STRIPE_PRICE_ENTERPRISE_YEARLY: stripePrice,
    // How Stripe bills a seat added or removed mid-period (Stripe's proration_behavior):
    // prorated on the next invoice by default; `always_invoice` bills it at once,
    // `none` only from the next period.
    STRIPE_PRORATION_BEHAVIOR: z
      .enum(['create_prorations', 'always_invoice', 'none'])
      .default('create_prorations'),
    RESEND_API_KEY: z.string().regex(/^re_/, 'must start with re_').optional(),
    MAIL_FROM: z.string().min(3).default('Lean SaaS <no-reply@example.com>'),
    // The dev mailbox (/dev/mailbox) shows the outbox. Unset: on when the app is local
    // and RESEND_API_KEY is unset; a deployed app never serves it (stand-ins.ts).
    DEV_MAILBOX: z.stringbool().optional(),
    HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2_000),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    // `memory` lets a deployed single server count limits in its own process instead of
    // stopping at start for want of Redis (stand-ins.ts).
    RATE_LIMIT_STORE: z.enum(['memory']).optional(),
    // Tests and local development may raise every limit; production keeps 1.
    RATE_LIMIT_MULTIPLIER: z.coerce.number().int().min(1).max(100_000).default(1),
    // Namespace of rate-limit and cache keys in a shared Redis.
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]+$/)
      .default('leansaas'),
    // The header a trusted proxy puts the client address in (e.g. x-real-ip). Unset:
    // Vercel's x-real-ip on Vercel, else the socket address from `npm start`.
    TRUSTED_IP_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a lower-case header name')
      .optional(),
    // Where users reach the app: the base of every link in an email. Never taken
    // from the request's Host header, which a caller controls (reset-link poisoning).
    APP_URL: z.url().optional(),
    VERCEL: z.string().optional(),
    VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    // Set by server.mjs, never by hand: the secret header carrying the socket address.
    SOCKET_IP_HEADER: z.string().optional(),
    // API keys start with `<prefix>_<mode>_`; a key of another prefix or mode is
    // refused without a query. Mode: `test` on a local app, `live` when deployed.
    API_KEY_PREFIX: z
      .string()
      .regex(/^[a-z]{2,8}$/, '2 to 8 lower-case letters')
      .default('sk'),
    API_KEY_MODE: z.enum(['live', 'test']).optional(),
    // What `npm run audit:prune` keeps when run without --older-than.
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
    // Tracing (instrumentation.ts) runs only where an exporter is configured: an
    // OTLP endpoint, or Vercel's own (set by Vercel when a trace drain is on).
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
    VERCEL_OTEL_ENDPOINTS: z.string().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('lean-saas'),
    // Addresses that become admins when their owner confirms them (the first admin of
    // a fresh deployment, without a shell): comma-separated. Built-in provider only.
    ADMIN_EMAILS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email())),
    // Encrypts the two-factor (TOTP) secrets at rest: 32 random bytes, base64
    // (`openssl rand -base64 32`). Required on a deployed app with the built-in
    // provider; a local app without it uses a fixed development key (two-factor/secret-box.ts).
    TWO_FACTOR_ENCRYPTION_KEY: z
      .base64()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64')
      .optional(),
    // How long a proven second factor counts for sensitive actions (step-up).
    TWO_FACTOR_STEP_UP_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
    // The admin area refuses sessions without a second factor (built-in provider).
    ADMIN_REQUIRE_2FA: z.stringbool().default(true),
    // Vercel Cron sends it as a bearer token; unset, the cron routes answer 404.
    CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    // `npm run bench` turns on its baseline route; it answers 404 otherwise.
    BENCH_BARE_ROUTE: z.stringbool().default(false),
  },
  shared: {
    APP_COMMIT: z.string().min(1).default('unknown'),
  },
  client: {
    // Both set: Supabase Auth instead of the built-in provider (README, "Supabase Auth").
    NEXT_PUBLIC_SUPABASE_URL: z.url().optional(),
    // The project's publishable key (sb_publishable_…) or its legacy anon key.
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().min(20).optional(),
  },
  experimental__runtimeEnv: {
    APP_COMMIT: process.env.APP_COMMIT,
    NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  },
  emptyStringAsUndefined: true,
});
