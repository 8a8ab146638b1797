import { withServiceRole } from '@/db/rls';
import type { Database } from '@/db/types';
import { listKeysOf } from '@/server/api-keys/service';
import { recentEventsAbout } from '@/server/audit/admin-reports';
import { accountSummary, searchAccounts, type AccountSearch } from '@/server/auth/account-search';
import { listSessionsOf } from '@/server/auth/session-list';
import { subscriptionsOf } from '@/server/billing/user-billing';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

/** Users, newest first, by part of their email, their plan or a subscription's state. */
export function searchUsersAsAdmin(db: Database, input: AccountSearch) {
  return withServiceRole(db, (tx) => searchAccounts(tx, input));
}

/** Everything an admin needs to answer for one user; keys by display prefix only. */
export async function userDetailAsAdmin(db: Database, userId: string) {
  return withServiceRole(db, async (tx) => {
    const user = await accountSummary(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', said('admin.noSuchUser'));
    return {
      user,
      subscriptions: await subscriptionsOf(tx, userId),
      apiKeys: await listKeysOf(tx, userId),
      sessions: await listSessionsOf(tx, userId),
      recentEvents: await recentEventsAbout(tx, userId),
    };
  });
}
