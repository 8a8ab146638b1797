import { env } from '@/env';
import { isLocalApp } from './local-app.mjs';

let local: boolean | undefined;

/** Whether this app runs on a developer's machine (see local-app.mjs for the rule). */
export const isLocal = () => (local ??= isLocalApp(env));

/**
 * The dev mailbox (/dev/mailbox): on a local app that sends no real email, or where
 * DEV_MAILBOX says so; never on a deployed app, whatever DEV_MAILBOX says, since it
 * shows every account's confirmation and reset links.
 */
export const devMailboxEnabled = () => isLocal() && (env.DEV_MAILBOX ?? !env.RESEND_API_KEY);

const sharedRateLimitStoreConfigured = () =>
  Boolean(env.REDIS_URL || (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN));

/**
 * What a deployed app cannot run without, as "VARIABLE (why)" lines; empty when
 * local. Billing is not here: without Stripe a deployed app runs with billing off
 * and says so on its pages, while mail and rate limits have no safe "off".
 */
export function missingForDeployment(options: { supabaseAuth: boolean }): string[] {
  if (isLocal()) return [];
  const missing: string[] = [];
  if (!env.RESEND_API_KEY && !options.supabaseAuth) {
    missing.push('RESEND_API_KEY (confirmation and reset emails; the dev mailbox is local only)');
  }
  if (!env.TWO_FACTOR_ENCRYPTION_KEY && !options.supabaseAuth) {
    missing.push('TWO_FACTOR_ENCRYPTION_KEY (encrypts two-factor secrets; 32 bytes, base64)');
  }
  if (!sharedRateLimitStoreConfigured() && env.RATE_LIMIT_STORE !== 'memory') {
    missing.push(
      'REDIS_URL, or UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (rate limits shared ' +
        'by every instance; RATE_LIMIT_STORE=memory accepts per-process limits on one server)',
    );
  }
  return missing;
}
