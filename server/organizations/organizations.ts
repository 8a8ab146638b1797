import { and, asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import { pgErrorCode } from '@/db/pg-error';
import { queryRows } from '@/db/query-rows';
import { memberships, organizations, type Organization } from '@/db/schema/organizations';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import type { OrganizationRole } from '@/server/identity/organization-roles';
import { renewingSubscriptionOf } from '@/server/billing/user-billing';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { notAMember } from './not-a-member';
import { lockMembers } from './members';

export const toOrganizationOutput = (row: Organization, role: OrganizationRole) => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  personal: row.personalUserId !== null,
  role,
  createdAt: row.createdAt,
});

/** Runs `write` in a savepoint, turning a taken slug into a 409 the caller can act on. */
async function claimingSlug<T>(tx: Tx, write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await tx.transaction(write);
  } catch (error) {
    if (pgErrorCode(error) === '23505') {
      throw new AppError('CONFLICT', said('organizations.slugTaken'), {
        fields: [{ path: 'slug', message: said('organizations.slugTakenField') }],
      });
    }
    throw error;
  }
}

/**
 * The caller's organizations (RLS: those they belong to), personal workspace first,
 * each with its member count. The count is read in the same query, under the same
 * RLS: memberships_select_member shows a member every membership of their own
 * organizations, so it is the whole team's, and no other organization's rows are seen.
 */
export async function listOwnOrganizations(tx: Tx, userId: string) {
  const everyone = alias(memberships, 'everyone');
  const memberCount = tx
    .select({ count: count() })
    .from(everyone)
    .where(eq(everyone.organizationId, organizations.id));
  const rows = await tx
    .select({
      organization: organizations,
      role: memberships.role,
      memberCount: sql<number>`(${memberCount})`.mapWith(Number),
    })
    .from(organizations)
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)),
    )
    .orderBy(
      sql`${organizations.personalUserId} is null`,
      asc(organizations.name),
      asc(organizations.id),
    );
  return rows.map((row) => ({
    ...toOrganizationOutput(row.organization, row.role),
    memberCount: row.memberCount,
  }));
}

/** One of the caller's organizations (RLS), as the caller's role sees it. */
export async function getOrganization(tx: Tx, id: string, role: OrganizationRole) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notAMember();
  return toOrganizationOutput(row, role);
}

/** A new team with the caller as its owner (private.create_team, the only way in). */
export async function createTeam(
  tx: Tx,
  userId: string,
  input: { name: string; slug: string },
  audit: AuditContext,
) {
  const id = await claimingSlug(tx, async (savepoint) => {
    const [row] = await queryRows<{ id: string }>(
      savepoint,
      sql`select private.create_team(${input.name}, ${input.slug}) as id`,
    );
    return row!.id;
  });
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'organization.created',
      resourceType: 'organization',
      resourceId: id,
      organizationId: id,
      details: { name: input.name, slug: input.slug },
    },
    audit,
  );
  return getOrganization(tx, id, 'owner');
}

/** Renames the acting organization or changes its slug (owners and admins, by RLS too). */
export async function updateOrganization(
  tx: Tx,
  actor: { userId: string; role: OrganizationRole },
  id: string,
  input: { name?: string; slug?: string },
  audit: AuditContext,
) {
  const [row] = await claimingSlug(tx, (savepoint) =>
    savepoint
      .update(organizations)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(organizations.id, id))
      .returning(),
  );
  if (!row) throw notAMember();
  await recordAuditEvent(
    tx,
    {
      actorId: actor.userId,
      action: 'organization.updated',
      resourceType: 'organization',
      resourceId: id,
      organizationId: id,
      details: input,
    },
    audit,
  );
  return toOrganizationOutput(row, actor.role);
}

/**
 * The team, if the caller may ask to delete it with `confirm`: not a personal
 * workspace, and confirmed by its slug. Checked before Stripe is asked, and again in
 * the deletion's own transaction.
 */
export async function deletableTeam(tx: Tx, id: string, confirm: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notAMember();
  if (row.personalUserId) {
    throw new AppError('CONFLICT', said('organizations.personalNotDeleted'));
  }
  if (confirm.trim().toLowerCase() !== row.slug) {
    throw new AppError('VALIDATION_FAILED', said('organizations.confirmSlugSummary'), {
      fields: [{ path: 'confirm', message: said('organizations.confirmSlug', { slug: row.slug }) }],
    });
  }
  return row;
}

/**
 * Deleting a team that Stripe will bill again would leave Stripe billing nobody: the
 * subscription is cancelled first, in the portal, by whoever manages billing (once
 * it is set to end, the team may go).
 */
export const stillBilled = () =>
  new AppError('CONFLICT', said('organizations.liveSubscription'), { reason: 'live-subscription' });

/**
 * Deletes a team, with its memberships and invitations, once the caller has typed
 * its slug and no subscription of it renews. A personal workspace goes only with its
 * account.
 */
export async function deleteTeam(
  tx: Tx,
  userId: string,
  id: string,
  confirm: string,
  audit: AuditContext,
) {
  // The members lock first, as every member change takes it: the owner trigger then
  // finds it already held, and no deadlock with a concurrent role change can arise.
  await lockMembers(tx, id);
  const row = await deletableTeam(tx, id, confirm);
  if (await renewingSubscriptionOf(tx, id)) throw stillBilled();
  // The audit trail keeps the event: it names the organization, which is gone after.
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'organization.deleted',
      resourceType: 'organization',
      resourceId: id,
      organizationId: id,
      details: { name: row.name, slug: row.slug },
    },
    audit,
  );
  const deleted = await tx
    .delete(organizations)
    .where(eq(organizations.id, id))
    .returning({ id: organizations.id });
  // RLS has the last word (the caller may have stopped being an owner meanwhile).
  if (deleted.length === 0) throw new AppError('FORBIDDEN', said('organizations.onlyOwnerDeletes'));
  return { deleted: true as const };
}

/**
 * An organization and a user's role in it (null when they are not a member), or null
 * when it is gone. The service path's, for API-key verification before anyone is known.
 */
export async function organizationMembershipAsService(
  tx: Tx,
  organizationId: string,
  userId: string,
) {
  const [row] = await tx
    .select({ organization: organizations, role: memberships.role })
    .from(organizations)
    .leftJoin(
      memberships,
      and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)),
    )
    .where(eq(organizations.id, organizationId));
  if (!row) return null;
  const { id, name, slug, personalUserId } = row.organization;
  return { id, name, slug, personal: personalUserId !== null, role: row.role ?? null };
}
