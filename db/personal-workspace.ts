import { sql } from 'drizzle-orm';

import { queryRows } from './query-rows';
import type { Tx } from './types';

/**
 * The signed-in caller's personal workspace, in their RLS transaction: where a
 * personal API key is made and what personal billing bills (0020's
 * private.personal_organization_id()).
 */
export async function personalOrganizationId(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ id: string | null }>(
    tx,
    sql`select private.personal_organization_id() as id`,
  );
  if (!row?.id) throw new Error('an account without its personal workspace');
  return row.id;
}
