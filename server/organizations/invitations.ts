import { createHash, randomBytes } from 'node:crypto';

import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import {
  invitations,
  organizations,
  type Invitation,
  type InvitableRole,
  type OrganizationRole,
} from '@/db/schema/organizations';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { notAMember } from './not-a-member';
import { assertRoomFor } from './member-cap';
import { listMembers, lockMembers, memberCount } from './members';

export const INVITATION_TTL_DAYS = 7;
export const MAX_OPEN_INVITATIONS = 100;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
// 256 random bits; only the hash is kept.
const newToken = () => randomBytes(32).toString('base64url');
const expiry = () => sql`now() + make_interval(days => ${INVITATION_TTL_DAYS})`;

export const toInvitationOutput = (row: Invitation) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedBy: row.invitedBy,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
});

const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** The acting organization's open invitations (owners and admins, by RLS), newest first. */
export async function listOpenInvitations(tx: Tx) {
  const rows = await tx
    .select()
    .from(invitations)
    .where(and(open(), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(MAX_OPEN_INVITATIONS);
  return rows.map(toInvitationOutput);
}

/**
 * Invites an address into the acting organization. Refused: into a personal
 * workspace, an address that is already a member's (409), a second open invitation
 * for one address (409: resend it), more than MAX_OPEN_INVITATIONS open at once.
 * Returns the token for the mailed link; only its hash is stored.
 */
export async function createInvitation(
  tx: Tx,
  organizationId: string,
  actorId: string,
  input: { email: string; role: InvitableRole },
  audit: AuditContext,
) {
  const email = input.email.trim().toLowerCase();
  // Invitations of one organization count one after another.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('invitations:' || ${organizationId}::uuid::text, 0))`,
  );
  const [organization] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw notAMember();
  if (organization.personalUserId) {
    throw new AppError('CONFLICT', said('organizations.personalNoInvitations'));
  }
  const members = await listMembers(tx);
  if (members.some((member) => member.email.toLowerCase() === email)) {
    throw new AppError('CONFLICT', said('organizations.alreadyMember', { email }));
  }
  // Expired invitations are closed now: they neither block their address nor count.
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        open(),
        lte(invitations.expiresAt, sql`now()`),
      ),
    );
  const live = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), open()));
  const sameAddress = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(eq(invitations.organizationId, organizationId), eq(invitations.email, email), open()),
    );
  if (sameAddress.length > 0) {
    throw new AppError('CONFLICT', said('organizations.alreadyInvited', { email }), {
      invitationId: sameAddress[0]!.id,
    });
  }
  if (live.length >= MAX_OPEN_INVITATIONS) {
    throw new AppError(
      'CONFLICT',
      said('organizations.tooManyInvitations', { max: MAX_OPEN_INVITATIONS }),
    );
  }
  await assertRoomFor(tx, organizationId, members.length + live.length + 1, 'invite');
  const token = newToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      organizationId,
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: actorId,
      expiresAt: expiry(),
    })
    .returning();
  await recordAuditEvent(
    tx,
    {
      actorId,
      action: 'organization.invitation_created',
      resourceType: 'organization',
      resourceId: organizationId,
      organizationId,
      details: { invitationId: row!.id, email, role: input.role },
    },
    audit,
  );
  return { token, invitation: toInvitationOutput(row!), organizationName: organization.name };
}

/** A new link (the old one stops working) and a new week for an open invitation. */
export async function resendInvitation(
  tx: Tx,
  organizationId: string,
  actorId: string,
  invitationId: string,
  audit: AuditContext,
) {
  const token = newToken();
  const [row] = await tx
    .update(invitations)
    .set({ tokenHash: hashToken(token), expiresAt: expiry() })
    .where(
      and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), open()),
    )
    .returning();
  if (!row) throw new AppError('NOT_FOUND', said('organizations.noSuchInvitation'));
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  await recordAuditEvent(
    tx,
    {
      actorId,
      action: 'organization.invitation_resent',
      resourceType: 'organization',
      resourceId: organizationId,
      organizationId,
      details: { invitationId, email: row.email },
    },
    audit,
  );
  return { token, invitation: toInvitationOutput(row), organizationName: organization!.name };
}

export async function revokeInvitation(
  tx: Tx,
  organizationId: string,
  actorId: string,
  invitationId: string,
  audit: AuditContext,
) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), open()),
    )
    .returning();
  if (!row) throw new AppError('NOT_FOUND', said('organizations.noSuchInvitation'));
  await recordAuditEvent(
    tx,
    {
      actorId,
      action: 'organization.invitation_revoked',
      resourceType: 'organization',
      resourceId: organizationId,
      organizationId,
      details: { invitationId, email: row.email },
    },
    audit,
  );
  return { revoked: true as const, invitation: toInvitationOutput(row) };
}

const REFUSALS: Record<string, () => AppError> = {
  invalid: () => new AppError('NOT_FOUND', said('organizations.invitationInvalid')),
  expired: () => new AppError('CONFLICT', said('organizations.invitationExpired')),
  unconfirmed: () => new AppError('FORBIDDEN', said('organizations.invitationUnconfirmed')),
  'wrong-address': () =>
    new AppError('FORBIDDEN', said('organizations.invitationWrongAddress'), {
      reason: 'wrong-address',
    }),
};

/** Accepts an invitation for the signed-in caller (private.accept_invitation decides). */
export async function acceptInvitation(tx: Tx, userId: string, token: string, audit: AuditContext) {
  const [result] = await queryRows<{
    outcome: string;
    organization_id: string | null;
    role: OrganizationRole | null;
  }>(tx, sql`select * from private.accept_invitation(${hashToken(token)})`);
  const outcome = result?.outcome ?? 'invalid';
  const refusal = REFUSALS[outcome];
  if (refusal) throw refusal();
  const organizationId = result!.organization_id!;
  if (outcome === 'accepted') {
    // Joins of one organization count one after another under the members lock
    // (accept_invitation took it; taken again here, where the count relies on it):
    // the second of two racing joins into the last free seat sees the first and stops.
    await lockMembers(tx, organizationId);
    await assertRoomFor(tx, organizationId, await memberCount(tx, organizationId), 'join');
    await recordAuditEvent(
      tx,
      {
        actorId: userId,
        action: 'organization.joined',
        resourceType: 'organization',
        resourceId: organizationId,
        organizationId,
        details: { role: result!.role },
      },
      audit,
    );
  }
  // A member now, the caller may read the organization's name (RLS).
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return {
    organizationId,
    organizationName: organization?.name ?? '',
    role: result!.role!,
    joined: outcome === 'accepted',
  };
}
