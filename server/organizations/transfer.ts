import { and, eq, inArray, sql } from 'drizzle-orm';

import { memberships } from '@/db/schema/organizations';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import type { OrganizationRole } from '@/server/identity/organization-roles';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { lockedActor, roleOf } from './members';

/**
 * Hands the organization to another member in one step: they become an owner and the
 * caller, an owner, becomes an admin. Under the members lock, with the caller's role
 * read again: an owner handing over twice at once hands over once (the second finds
 * them an admin). Returns both members' ids, as the database spells them.
 */
export async function transferOwnership(
  tx: Tx,
  organizationId: string,
  caller: { userId: string; role: OrganizationRole },
  toUserId: string,
  audit: AuditContext,
) {
  const actor = await lockedActor(tx, organizationId, caller);
  if (actor.role !== 'owner') {
    throw new AppError('FORBIDDEN', said('organizations.onlyOwnerTransfers'));
  }
  if (toUserId === actor.userId) {
    throw new AppError('CONFLICT', said('organizations.ownsAlready'), {
      fields: [{ path: 'userId', message: said('organizations.ownsAlreadyField') }],
    });
  }
  const from = await roleOf(tx, organizationId, toUserId);
  if (!from) throw new AppError('NOT_FOUND', said('organizations.noSuchMember'));
  if (from === 'owner') throw new AppError('CONFLICT', said('organizations.ownerAlready'));
  const changed = await tx
    .update(memberships)
    .set({
      role: sql`case when ${memberships.userId} = ${toUserId} then 'owner' else 'admin' end`,
    })
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(memberships.userId, [toUserId, actor.userId]),
      ),
    )
    .returning({ userId: memberships.userId, role: memberships.role });
  // RLS has the last word (a personal workspace has no other member to reach here).
  if (changed.length !== 2) throw new AppError('FORBIDDEN', said('organizations.mayNotTransfer'));
  const owner = changed.find((row) => row.role === 'owner')!.userId;
  await recordAuditEvent(
    tx,
    {
      actorId: actor.userId,
      action: 'organization.ownership_transferred',
      resourceType: 'organization',
      resourceId: organizationId,
      organizationId,
      details: { userId: owner, from, previousOwnerBecomes: 'admin' },
    },
    audit,
  );
  return { owner, admin: actor.userId };
}
