import { eq } from 'drizzle-orm';

import { profiles, userAccounts } from '@/db/schema/auth';
import type { Tx } from '@/db/types';

/**
 * What a credential other than a session (an API key) needs to know of its owner to
 * act as them: role, email and whether it is confirmed. Null when the account is
 * gone. Read on the service path, in the caller's transaction.
 */
export async function accountClaimsOf(tx: Tx, userId: string) {
  const [account] = await tx
    .select({
      role: profiles.role,
      email: userAccounts.email,
      emailConfirmedAt: userAccounts.emailConfirmedAt,
    })
    .from(profiles)
    .innerJoin(userAccounts, eq(userAccounts.id, profiles.id))
    .where(eq(profiles.id, userId));
  return account ?? null;
}
