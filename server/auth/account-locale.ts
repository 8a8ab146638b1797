import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';

/**
 * The language an account chose on its profile, found by its address; null when no
 * account has it or none was chosen. For mail to someone other than the caller (an
 * invitation, a reset asked for from another browser): their choice, not the
 * sender's. Through private.user_accounts, as the service path reads accounts.
 */
export async function accountLocaleAsService(db: Database, email: string): Promise<string | null> {
  const [row] = await withServiceRole(db, (tx) =>
    queryRows<{ locale: string | null }>(
      tx,
      sql`select p.locale from private.user_accounts u join profiles p on p.id = u.id
          where lower(u.email) = lower(${email}) limit 1`,
    ),
  );
  return row?.locale ?? null;
}
