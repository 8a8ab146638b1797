import { and, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';

import { profiles, userAccounts } from '@/db/schema/auth';
import type { Tx } from '@/db/types';
import {
  hasSubscriptionInStatusSql,
  latestSubscriptionStatusSql,
  planOfUserSql,
} from '@/server/billing/user-billing';
import type { Plan } from '@/server/billing/plans';
import { cursorTextOf, decodeCursor, encodeCursor, olderThan } from '@/server/platform/http/cursor';

// The admin's view of accounts. One statement with billing's parts as its exported
// SQL fragments: the plan and status filters must narrow the page the cursor walks,
// which two queries joined in code could not do without reading every account.

export type AccountSearch = {
  /** Part of the email, case-insensitive. */
  email?: string;
  plan?: Plan;
  /** Accounts with a subscription in this state. */
  status?: string;
  limit: number;
  cursor?: string;
};

const summaryColumns = {
  id: profiles.id,
  email: userAccounts.email,
  displayName: profiles.displayName,
  role: profiles.role,
  plan: planOfUserSql(profiles.id),
  subscriptionStatus: latestSubscriptionStatusSql(profiles.id),
  emailConfirmedAt: userAccounts.emailConfirmedAt,
  createdAt: profiles.createdAt,
};

const accountsQuery = (tx: Tx) =>
  tx
    .select({ ...summaryColumns, cursorAt: cursorTextOf(profiles.createdAt) })
    .from(profiles)
    .innerJoin(userAccounts, eq(userAccounts.id, profiles.id));

type SummaryRow = Awaited<ReturnType<typeof accountsQuery>>[number];

const toSummary = ({ emailConfirmedAt, cursorAt: _cursorAt, ...row }: SummaryRow) => ({
  ...row,
  emailConfirmed: emailConfirmedAt !== null,
});

/** LIKE's wildcards in what an admin typed are matched literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Accounts, newest first, by part of their email, their plan or a subscription's state. */
export async function searchAccounts(tx: Tx, input: AccountSearch) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const conditions: SQL[] = [
    ...(input.email ? [ilike(userAccounts.email, `%${likeEscaped(input.email)}%`)] : []),
    ...(input.plan ? [sql`${planOfUserSql(profiles.id)} = ${input.plan}`] : []),
    ...(input.status ? [hasSubscriptionInStatusSql(profiles.id, input.status)] : []),
    ...(after ? [olderThan(profiles.createdAt, profiles.id, after)] : []),
  ];
  const rows = await accountsQuery(tx)
    .where(and(...conditions))
    .orderBy(desc(profiles.createdAt), desc(profiles.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}

/** One account as the search shows it, or null. */
export async function accountSummary(tx: Tx, userId: string) {
  const [row] = await accountsQuery(tx).where(eq(profiles.id, userId));
  return row ? toSummary(row) : null;
}

/** How many accounts there are. */
export async function countAccounts(tx: Tx): Promise<number> {
  const [total] = await tx.select({ value: count() }).from(profiles);
  return total?.value ?? 0;
}
