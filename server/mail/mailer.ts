import { Resend } from 'resend';

import { withServiceRole } from '@/db/rls';
import { emailOutbox } from '@/db/schema/mail';
import type { Database } from '@/db/types';
import { env } from '@/env';
import type { Logger } from '@/server/platform/observability/logger';

/** A mail, both parts rendered; `id` is fixed when it is built (templates/render.ts). */
export type EmailMessage = { id: string; to: string; subject: string; text: string; html: string };

/** The one way the app sends email. */
export type Mailer = {
  readonly kind: 'resend' | 'outbox';
  send(message: EmailMessage): Promise<void>;
};

// Refusals that may pass: Resend unreachable, failing or too slow (no status, or 5xx),
// too many requests a second, or our own earlier attempt at this message still in
// progress. Not a 4xx otherwise (a bad key, a spent quota), whatever its name: the
// SDK calls any answer it cannot parse `application_error`, 4xx included.
const PASSING = new Set(['rate_limit_exceeded', 'concurrent_idempotent_requests']);
const RETRYABLE = (error: { name: string; statusCode: number | null }) =>
  PASSING.has(error.name) || error.statusCode === null || error.statusCode >= 500;
const RETRY_DELAYS_MS = [250, 1_000];
// Some sends are awaited by a request (an email change, a sign-in that re-sends a
// confirmation): an attempt that hangs must not hold it. A timed-out attempt that did
// arrive is not sent twice: the retry carries the same idempotency key.
const ATTEMPT_TIMEOUT_MS = 8_000;

/**
 * Resend, through its SDK: both parts, and an idempotency key so that a send we
 * retry (a timeout whose request did arrive) is delivered once. The key is the
 * message's id, made when the message was built, not a hash of its content: two
 * identical notices sent on purpose (a second email change to the same address)
 * are two messages, and Resend keeps a key for 24 hours.
 */
export function resendMailer(
  apiKey: string,
  from: string,
  options: { baseUrl?: string; retryDelaysMs?: number[]; attemptTimeoutMs?: number } = {},
): Mailer {
  const resend = new Resend(apiKey, { baseUrl: options.baseUrl });
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  return {
    kind: 'resend',
    async send({ to, subject, html, text, id }) {
      for (let attempt = 0; ; attempt++) {
        const { error } = await resend.emails
          .send(
            { from, to, subject, html, text },
            {
              idempotencyKey: `email/${id}`,
              signal: AbortSignal.timeout(options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS),
            },
          )
          // Aborted (timed out): the SDK throws rather than answering.
          .catch(() => ({ error: { name: 'timeout', statusCode: null } }));
        if (!error) return;
        if (attempt >= delays.length || !RETRYABLE(error)) {
          throw new Error(`Resend refused the email: ${error.name}`);
        }
        await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
      }
    },
  };
}

/** The embedded default: messages go to the outbox table for the dev mailbox. */
export function outboxMailer(db: Database): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      await withServiceRole(db, (tx) =>
        // The message's id is the row's: a retried send stores it once, as Resend would.
        tx
          .insert(emailOutbox)
          .values({
            id: message.id,
            toAddress: message.to,
            subject: message.subject,
            textBody: message.text,
            htmlBody: message.html,
          })
          .onConflictDoNothing(),
      );
    },
  };
}

/** Resend when RESEND_API_KEY is set, else the outbox. */
export function mailerFor(db: Database): Mailer {
  return env.RESEND_API_KEY ? resendMailer(env.RESEND_API_KEY, env.MAIL_FROM) : outboxMailer(db);
}

/**
 * Sends messages about a change that is already committed. A failed send is
 * logged, never undoes the change: every flow can send its link again.
 */
export async function deliverMail(db: Database, log: Logger, ...messages: EmailMessage[]) {
  const mailer = mailerFor(db);
  for (const message of messages) {
    await mailer
      .send(message)
      .catch((error: unknown) =>
        log.error({ err: error, mail: message.subject }, 'email not sent'),
      );
  }
}
