import { desc } from 'drizzle-orm';
import { Resend } from 'resend';

import { withServiceRole } from '@/db/rls';
import { emailOutbox } from '@/db/schema/mail';
import type { Database } from '@/db/types';
import { env } from '@/env';
import type { Logger } from '@/server/platform/observability/logger';

export type EmailMessage = { to: string; subject: string; text: string; html: string };

/** The one way the app sends email. */
export type Mailer = {
  readonly kind: 'resend' | 'outbox';
  send(message: EmailMessage): Promise<void>;
};

/** Resend, through its SDK. */
export function resendMailer(apiKey: string, from: string): Mailer {
  const resend = new Resend(apiKey);
  return {
    kind: 'resend',
    async send(message) {
      const { error } = await resend.emails.send({ from, ...message });
      if (error) throw new Error(`Resend refused the email: ${error.name}`);
    },
  };
}

/** The embedded default: messages go to the outbox table for the dev mailbox. */
export function outboxMailer(db: Database): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      await withServiceRole(db, (tx) =>
        tx.insert(emailOutbox).values({
          toAddress: message.to,
          subject: message.subject,
          textBody: message.text,
          htmlBody: message.html,
        }),
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

/** The newest outbox messages, for the dev mailbox. */
export function listOutboxAsService(db: Database, limit = 50) {
  return withServiceRole(db, (tx) =>
    tx.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit),
  );
}
