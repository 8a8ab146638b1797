import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import type { Tx } from '@/db/types';

// What billing reads of an organization. Organizations and memberships are that
// module's tables, and it calls billing (seat sync), so billing reads these few
// columns by SQL rather than importing it back.

/**
 * Who billing events happen to, for the audit trail: a personal workspace's user (so
 * they keep finding their plan changes in their own log, as before organizations),
 * or null for a team, whose owners and admins read them in its log.
 */
export async function accountHolderOf(tx: Tx, organizationId: string): Promise<string | null> {
  const [row] = await queryRows<{ personal_user_id: string | null }>(
    tx,
    sql`select personal_user_id from organizations where id = ${organizationId}::uuid`,
  );
  return row?.personal_user_id ?? null;
}

/** The organization's seats: its members, every role counted. */
export async function seatsOf(tx: Tx, organizationId: string): Promise<number> {
  const [row] = await queryRows<{ seats: number }>(
    tx,
    sql`select count(*)::integer as seats from memberships where organization_id = ${organizationId}::uuid`,
  );
  return row?.seats ?? 0;
}
