import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import {
  apiKeys,
  auditLogs,
  billingAccounts,
  profiles,
  subscriptions,
  userAccounts,
  userSessions,
} from '@/db/schema';
import type { Database, Tx } from '@/db/types';
import { toApiKeyOutput } from '@/server/api-keys/service';
import { cursorTextOf, decodeCursor, encodeCursor, olderThan } from '@/server/platform/cursor';
import { AppError } from '@/server/platform/errors';

type SearchInput = {
  email?: string;
  plan?: 'free' | 'pro' | 'enterprise';
  status?: string;
  limit: number;
  cursor?: string;
};

// The latest subscription's status, per user.
const latestStatus = sql<string | null>`(select s.status from subscriptions s
  where s.user_id = ${profiles.id} order by s.created_at desc limit 1)`;
const planOf = sql<'free' | 'pro' | 'enterprise'>`coalesce(${billingAccounts.plan}, 'free')`;

const summaryColumns = {
  id: profiles.id,
  email: userAccounts.email,
  displayName: profiles.displayName,
  role: profiles.role,
  plan: planOf,
  subscriptionStatus: latestStatus,
  emailConfirmedAt: userAccounts.emailConfirmedAt,
  createdAt: profiles.createdAt,
};

type SummaryRow = {
  id: string;
  email: string | null;
  displayName: string | null;
  role: 'user' | 'admin';
  plan: 'free' | 'pro' | 'enterprise';
  subscriptionStatus: string | null;
  emailConfirmedAt: Date | null;
  createdAt: Date;
};

const toSummary = ({ emailConfirmedAt, ...row }: SummaryRow) => ({
  ...row,
  emailConfirmed: emailConfirmedAt !== null,
});

const usersQuery = (tx: Tx) =>
  tx
    .select({ ...summaryColumns, cursorAt: cursorTextOf(profiles.createdAt) })
    .from(profiles)
    .innerJoin(userAccounts, eq(userAccounts.id, profiles.id))
    .leftJoin(billingAccounts, eq(billingAccounts.userId, profiles.id));

/** LIKE's wildcards in what an admin typed are matched literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Users, newest first, by part of their email, their plan or a subscription's state. */
export async function searchUsersAsAdmin(db: Database, input: SearchInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const conditions: SQL[] = [
    ...(input.email ? [ilike(userAccounts.email, `%${likeEscaped(input.email)}%`)] : []),
    ...(input.plan ? [sql`${planOf} = ${input.plan}`] : []),
    ...(input.status
      ? [
          sql`exists (select 1 from subscriptions s where s.user_id = ${profiles.id} and s.status = ${input.status})`,
        ]
      : []),
    ...(after ? [olderThan(profiles.createdAt, profiles.id, after)] : []),
  ];
  const rows = await withServiceRole(db, (tx) =>
    usersQuery(tx)
      .where(and(...conditions))
      .orderBy(desc(profiles.createdAt), desc(profiles.id))
      .limit(input.limit + 1),
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => toSummary(row)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}

/** Everything an admin needs to answer for one user; keys by display prefix only. */
export async function userDetailAsAdmin(db: Database, userId: string) {
  return withServiceRole(db, async (tx) => {
    const [user] = await usersQuery(tx).where(eq(profiles.id, userId));
    if (!user) throw new AppError('NOT_FOUND', 'No such user.');
    const [subscriptionRows, keyRows, sessionRows, events] = [
      await tx
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.userId, userId))
        .orderBy(desc(subscriptions.createdAt)),
      await tx
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.userId, userId))
        .orderBy(desc(apiKeys.createdAt)),
      await tx
        .select()
        .from(userSessions)
        .where(eq(userSessions.userId, userId))
        .orderBy(desc(userSessions.lastSeenAt))
        .limit(50),
      await tx
        .select()
        .from(auditLogs)
        // By them, about them, or about something of theirs (an admin revoking their key).
        .where(
          or(
            eq(auditLogs.actorId, userId),
            eq(auditLogs.resourceId, userId),
            sql`${auditLogs.details} ->> 'userId' = ${userId}`,
          ),
        )
        .orderBy(desc(auditLogs.createdAt))
        .limit(25),
    ];
    const now = Date.now();
    return {
      user: toSummary({ ...user }),
      subscriptions: subscriptionRows,
      apiKeys: keyRows.map((row) => toApiKeyOutput(row)),
      sessions: sessionRows.map((session) => ({
        ...session,
        active: session.revokedAt === null && session.expiresAt.getTime() > now,
      })),
      recentEvents: events,
    };
  });
}
