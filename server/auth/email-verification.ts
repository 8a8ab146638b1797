import { createHash, randomBytes } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import type { Mailer } from '@/server/mail/mailer';
import { verificationEmail } from '@/server/mail/templates';
import { AppError } from '@/server/platform/errors';

/** A verification link works for a day. */
const VERIFICATION_TTL_HOURS = 24;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Stores the hash of a fresh token in auth.users (where Supabase Auth keeps its
 * own) and mails the link. Only the hash is kept; the link carries the token.
 */
export async function sendVerificationEmailAsService(
  db: Database,
  mailer: Mailer,
  user: { id: string; email: string },
  origin: string,
) {
  const token = randomBytes(32).toString('base64url');
  await withServiceRole(db, (tx) =>
    tx.execute(sql`update auth.users
                   set confirmation_token = ${hashToken(token)}, confirmation_sent_at = now()
                   where id = ${user.id}`),
  );
  const url = new URL('/verify-email', origin);
  url.searchParams.set('token', token);
  await mailer.send(verificationEmail(user.email, url.toString()));
}

/** Marks the email behind `token` verified; the token works once. */
export async function verifyEmailAsService(db: Database, token: string, audit: AuditContext) {
  return withServiceRole(db, async (tx) => {
    const [user] = await queryRows<{ id: string }>(
      tx,
      sql`update auth.users
          set email_confirmed_at = now(), confirmation_token = null, updated_at = now()
          where confirmation_token = ${hashToken(token)}
            and confirmation_sent_at > now() - make_interval(hours => ${VERIFICATION_TTL_HOURS})
          returning id`,
    );
    if (!user) throw new AppError('NOT_FOUND', 'This link is invalid or has expired.');
    await recordAuditEvent(
      tx,
      {
        actorId: user.id,
        action: 'auth.email_verified',
        resourceType: 'user',
        resourceId: user.id,
      },
      audit,
    );
    return { userId: user.id };
  });
}
