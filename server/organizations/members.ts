import { and, count, eq, sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { memberships, organizations } from '@/db/schema/organizations';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { auditKeysRevokedWithMembership } from '@/server/api-keys/service';
import { roleAllows, type OrganizationRole } from '@/server/identity/organization-roles';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { notAMember } from './not-a-member';

type Actor = { userId: string; role: OrganizationRole };

type MemberRow = {
  user_id: string;
  email: string;
  display_name: string | null;
  role: OrganizationRole;
  joined_at: string | Date;
};

/** The acting organization's members with their addresses, oldest first. */
export async function listMembers(tx: Tx) {
  const rows = await queryRows<MemberRow>(tx, sql`select * from private.organization_members()`);
  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    joinedAt: new Date(row.joined_at),
  }));
}

/**
 * Every change to an organization's members takes this lock first, so two
 * concurrent changes (two owners demoting each other, say) count one after the
 * other and the owner count each sees is the real one.
 */
export async function lockMembers(tx: Tx, organizationId: string) {
  // The key is built from the uuid's canonical text, as migration 0018's owner trigger
  // builds it, whatever case the id arrived in.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('memberships:' || ${organizationId}::uuid::text, 0))`,
  );
}

/**
 * Takes the members lock, then reads the caller's role again: the one the request
 * began with may have changed in a transaction that held the lock before us.
 */
export async function lockedActor(tx: Tx, organizationId: string, caller: Actor): Promise<Actor> {
  await lockMembers(tx, organizationId);
  const role = await roleOf(tx, organizationId, caller.userId);
  if (!role) throw notAMember();
  return { userId: caller.userId, role };
}

export async function roleOf(tx: Tx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The organization's members, every role: its seats. */
export async function memberCount(tx: Tx, organizationId: string) {
  const [row] = await tx
    .select({ value: count() })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId));
  return row?.value ?? 0;
}

async function ownerCount(tx: Tx, organizationId: string) {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')));
  return rows.length;
}

/**
 * Who may change whom: owners anyone; admins anyone but an owner, and never to
 * owner. Throws a 403 in words, or a 404 for someone who is not a member.
 */
async function assertMayManage(
  tx: Tx,
  organizationId: string,
  actor: Actor,
  targetUserId: string,
  newRole?: OrganizationRole,
) {
  const current = await roleOf(tx, organizationId, targetUserId);
  if (!current) throw new AppError('NOT_FOUND', said('organizations.noSuchMember'));
  if (actor.role !== 'owner' && (current === 'owner' || newRole === 'owner')) {
    throw new AppError('FORBIDDEN', said('organizations.onlyOwnerChangesOwner'));
  }
  return current;
}

export async function changeMemberRole(
  tx: Tx,
  organizationId: string,
  caller: Actor,
  input: { userId: string; role: OrganizationRole },
  audit: AuditContext,
) {
  const actor = await lockedActor(tx, organizationId, caller);
  const [organization] = await tx
    .select({ personalUserId: organizations.personalUserId })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (organization?.personalUserId) {
    throw new AppError('CONFLICT', said('organizations.personalHasOneMember'));
  }
  if (!roleAllows(actor.role, 'members:write')) {
    throw new AppError('FORBIDDEN', said('organizations.roleNoLongerAllows', { role: actor.role }));
  }
  const current = await assertMayManage(tx, organizationId, actor, input.userId, input.role);
  if (current === input.role) return listMember(tx, input.userId);
  if (current === 'owner' && (await ownerCount(tx, organizationId)) <= 1) {
    throw new AppError('CONFLICT', said('organizations.lastOwner'));
  }
  const changed = await tx
    .update(memberships)
    .set({ role: input.role })
    .where(
      and(eq(memberships.organizationId, organizationId), eq(memberships.userId, input.userId)),
    )
    .returning({ userId: memberships.userId });
  // RLS has the last word: a change it filtered out did not happen.
  if (changed.length === 0) throw new AppError('FORBIDDEN', said('organizations.mayNotChange'));
  await recordAuditEvent(
    tx,
    {
      actorId: actor.userId,
      action: 'organization.member_role_changed',
      resourceType: 'organization',
      resourceId: organizationId,
      organizationId,
      details: { userId: input.userId, from: current, to: input.role },
    },
    audit,
  );
  return listMember(tx, input.userId);
}

async function listMember(tx: Tx, userId: string) {
  const member = (await listMembers(tx)).find((row) => row.userId === userId);
  if (!member) throw new AppError('NOT_FOUND', said('organizations.noSuchMember'));
  return member;
}

/** Removes a member (owners and admins), or the caller themselves (leaving). */
export async function removeMember(
  tx: Tx,
  organizationId: string,
  caller: Actor,
  userId: string,
  audit: AuditContext,
) {
  const actor = await lockedActor(tx, organizationId, caller);
  const leaving = userId === actor.userId;
  const [organization] = await tx
    .select({ personalUserId: organizations.personalUserId })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (organization?.personalUserId) {
    throw new AppError('CONFLICT', said('organizations.nobodyLeavesPersonal'));
  }
  const current = leaving
    ? await roleOf(tx, organizationId, userId)
    : await assertMayManage(tx, organizationId, actor, userId);
  if (!current) throw new AppError('NOT_FOUND', said('organizations.noSuchMember'));
  if (!leaving && actor.role !== 'owner' && actor.role !== 'admin') {
    throw new AppError('FORBIDDEN', said('organizations.onlyOwnersAndAdminsRemove'));
  }
  if (current === 'owner' && (await ownerCount(tx, organizationId)) <= 1) {
    throw new AppError('CONFLICT', said('organizations.lastOwner'));
  }
  // Recorded first: one who leaves may name the organization only while a member.
  const keysRevoked = await auditKeysRevokedWithMembership(
    tx,
    organizationId,
    { userId, actorId: actor.userId, reason: leaving ? 'left' : 'removed' },
    audit,
  );
  await recordAuditEvent(
    tx,
    {
      actorId: actor.userId,
      action: leaving ? 'organization.left' : 'organization.member_removed',
      resourceType: 'organization',
      resourceId: organizationId,
      organizationId,
      details: { userId, role: current, keysRevoked },
    },
    audit,
  );
  const removed = await tx
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  if (removed.length === 0) throw new AppError('FORBIDDEN', said('organizations.mayNotRemove'));
  return { removed: true as const, userId };
}
