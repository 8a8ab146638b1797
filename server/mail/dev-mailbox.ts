import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';

import { withServiceRole } from '@/db/rls';
import { emailOutbox } from '@/db/schema/mail';
import type { Database } from '@/db/types';
import { env } from '@/env';
import { clientIpOf, isPrivateAddress } from '@/server/platform/http/client-ip';
import { devMailboxEnabled } from '@/server/platform/runtime/stand-ins';

/**
 * Whether the dev mailbox (its page and the mail it frames) answers this request:
 * only on a local app (stand-ins.ts). A local app that is reachable from the
 * internet all the same (a server started without APP_URL) answers only this
 * machine and its network, since the mailbox holds everyone's reset links. Without
 * a trusted client address (plain `next dev`), the local rule alone decides.
 */
export function devMailboxServes(headers: Headers): boolean {
  if (!devMailboxEnabled()) return false;
  const client = clientIpOf(headers);
  return !client || isPrivateAddress(client);
}

/** Who outbox mail would have come from: the sender Resend would use. */
export const outboxSender = () => env.MAIL_FROM;

/** The newest outbox messages, for the dev mailbox. */
export function listOutboxAsService(db: Database, limit = 50) {
  return withServiceRole(db, (tx) =>
    tx.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit),
  );
}

/** One outbox message's HTML part, or null (also for an id that is not one). */
export async function outboxHtmlAsService(db: Database, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [message] = await withServiceRole(db, (tx) =>
    tx.select({ html: emailOutbox.htmlBody }).from(emailOutbox).where(eq(emailOutbox.id, id)),
  );
  return message?.html ?? null;
}
