import { sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import type { Tx } from '@/db/types';
import type { Plan } from '@/server/billing/plans';
import {
  latestSubscriptionSeatsOfOrganizationSql,
  latestSubscriptionStatusOfOrganizationSql,
  planOfOrganizationSql,
} from '@/server/billing/user-billing';

type TeamRow = {
  id: string;
  name: string;
  slug: string;
  created_at: string | Date;
  members: number;
  owners: string[] | null;
  plan: Plan;
  subscription_status: string | null;
  seats: number | null;
};

/**
 * Teams, newest first, by part of their name or slug, with their member count,
 * owners' addresses, plan and latest subscription (service path: the admin area). Personal workspaces are left
 * out: each belongs to one account, which the users list shows.
 */
export async function listTeamsAsService(tx: Tx, input: { query?: string; limit: number }) {
  const pattern = input.query ? `%${input.query.replace(/[\\%_]/g, '\\$&')}%` : null;
  const rows = await queryRows<TeamRow>(
    tx,
    sql`select o.id, o.name, o.slug, o.created_at,
               (select count(*)::int from memberships m where m.organization_id = o.id) as members,
               (select array_agg(u.email::text order by u.email)
                  from memberships m join private.user_accounts u on u.id = m.user_id
                 where m.organization_id = o.id and m.role = 'owner') as owners,
               ${planOfOrganizationSql(sql`o.id`)} as plan,
               ${latestSubscriptionStatusOfOrganizationSql(sql`o.id`)} as subscription_status,
               ${latestSubscriptionSeatsOfOrganizationSql(sql`o.id`)} as seats
          from organizations o
         where o.personal_user_id is null
           and (${pattern}::text is null or o.name ilike ${pattern} or o.slug ilike ${pattern})
         order by o.created_at desc, o.id desc
         limit ${input.limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    createdAt: new Date(row.created_at),
    members: row.members,
    owners: row.owners ?? [],
    plan: row.plan,
    subscription: row.subscription_status
      ? { status: row.subscription_status, seats: row.seats ?? 1 }
      : null,
  }));
}
