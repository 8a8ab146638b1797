import { z } from 'zod';

import { forgetMembershipKeys, forgetOrganizationKeys } from '@/server/api-keys/verify';

import {
  exportOrganizationAuditEvents,
  listOrganizationAuditEvents,
} from '@/server/audit/list-events';
import {
  auditFilterInput,
  exportAuditOutput,
  listAuditInput,
  listOrganizationAuditOutput,
} from '@/server/audit/schemas';
import { requireRecentSecondFactor } from '@/server/identity';
import { authedProcedure, router } from '@/server/trpc';

import { mailInvitation } from './invitation-mail';
import {
  createInvitation,
  listOpenInvitations,
  resendInvitation,
  revokeInvitation,
} from './invitations';
import { changeMemberRole, listMembers, removeMember } from './members';
import { acceptInvitationProcedure } from './accept-invitation-router';
import { afterMembersChanged, refuseWhileStripeBills } from './seat-changes';
import { teamBillingProcedures } from './team-billing-router';
import {
  createTeam,
  deleteTeam,
  getOrganization,
  listOwnOrganizations,
  updateOrganization,
} from './organizations';
import { organizationProcedure, sessionProcedure } from './procedure';
import { teamApiKeyProcedures } from './team-api-keys-router';
import { transferOwnership } from './transfer';
import {
  changeRoleInput,
  createOrganizationInput,
  deleteOrganizationInput,
  invitationOutput,
  invitationRef,
  inviteInput,
  memberOutput,
  memberRef,
  organizationListItem,
  organizationOutput,
  updateOrganizationInput,
} from './schemas';

const tags = ['organizations'];
const path = (rest = '') => `/organizations/{organizationId}${rest}` as const;

export const organizationsRouter = router({
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/organizations',
        tags,
        summary: 'Your organizations (for an API key, the one it acts in)',
      },
    })
    .input(z.object({}).optional())
    .output(z.object({ items: z.array(organizationListItem) }))
    .query(async ({ ctx }) => ({
      items: await ctx.rls((tx) => listOwnOrganizations(tx, ctx.identity.userId)),
    })),

  create: sessionProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/organizations',
        tags,
        summary: 'Create a team (you own it)',
      },
      successStatus: 201,
      rateLimit: 'organizationCreate',
    })
    .input(createOrganizationInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) =>
      ctx.rls((tx) => createTeam(tx, ctx.identity.userId, input, ctx.scope)),
    ),

  get: organizationProcedure('members:read')
    .meta({ openapi: { method: 'GET', path: path(), tags, summary: 'One of your organizations' } })
    .output(organizationOutput)
    .query(({ ctx }) =>
      ctx.organization.run((tx, role) => getOrganization(tx, ctx.organization.id, role)),
    ),

  update: organizationProcedure('organization:write')
    .meta({
      openapi: { method: 'PATCH', path: path(), tags, summary: 'Rename, or change the slug' },
    })
    .input(updateOrganizationInput)
    .output(organizationOutput)
    .mutation(async ({ ctx, input }) => {
      const updated = await ctx.organization.run((tx, role) =>
        updateOrganization(
          tx,
          { userId: ctx.identity.userId, role },
          ctx.organization.id,
          { name: input.name, slug: input.slug },
          ctx.scope,
        ),
      );
      // Keys name their organization in /me.
      await forgetOrganizationKeys(ctx.organization.id);
      return updated;
    }),

  delete: organizationProcedure('organization:delete')
    .meta({
      openapi: {
        method: 'DELETE',
        path: path(),
        tags,
        summary: 'Delete a team (owners; confirm with its slug)',
      },
    })
    .input(deleteOrganizationInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await refuseWhileStripeBills(ctx, input.confirm);
      const deleted = await ctx.organization.run((tx) =>
        deleteTeam(tx, ctx.identity.userId, ctx.organization.id, input.confirm, ctx.scope),
      );
      await forgetOrganizationKeys(ctx.organization.id);
      return deleted;
    }),

  members: organizationProcedure('members:read')
    .meta({
      openapi: { method: 'GET', path: path('/members'), tags, summary: 'Members and roles' },
    })
    .output(z.object({ items: z.array(memberOutput) }))
    .query(async ({ ctx }) => ({ items: await ctx.organization.run((tx) => listMembers(tx)) })),

  changeRole: organizationProcedure('members:write')
    .meta({
      openapi: {
        method: 'PATCH',
        path: path('/members/{userId}'),
        tags,
        summary: "Change a member's role",
      },
    })
    .input(changeRoleInput)
    .output(memberOutput)
    .mutation(async ({ ctx, input }) => {
      requireRecentSecondFactor(ctx.identity);
      const member = await ctx.organization.run((tx, role) =>
        changeMemberRole(
          tx,
          ctx.organization.id,
          { userId: ctx.identity.userId, role },
          { userId: input.userId, role: input.role },
          ctx.scope,
        ),
      );
      // The member's keys here are capped by their new role from now on.
      await forgetMembershipKeys(ctx.organization.id, input.userId);
      return member;
    }),

  removeMember: organizationProcedure('members:write')
    .meta({
      openapi: {
        method: 'DELETE',
        path: path('/members/{userId}'),
        tags,
        summary: 'Remove a member',
      },
    })
    .input(memberRef)
    .output(z.object({ removed: z.literal(true), userId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const removed = await ctx.organization.run((tx, role) =>
        removeMember(
          tx,
          ctx.organization.id,
          { userId: ctx.identity.userId, role },
          input.userId,
          ctx.scope,
        ),
      );
      // Their keys here were revoked with the membership (a trigger); no copy outlives it.
      await forgetMembershipKeys(ctx.organization.id, input.userId);
      await afterMembersChanged(ctx, ctx.organization.id, input.userId);
      return removed;
    }),

  // As weighty as deleting the team: owners only, and a key needs organization:delete.
  transferOwnership: organizationProcedure('organization:delete')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/transfer-ownership'),
        tags,
        summary: 'Hand the organization to another member (owners; you become an admin)',
      },
    })
    .input(memberRef)
    .output(z.object({ owner: z.uuid(), admin: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const roles = await ctx.organization.run((tx, role) =>
        transferOwnership(
          tx,
          ctx.organization.id,
          { userId: ctx.identity.userId, role },
          input.userId,
          ctx.scope,
        ),
      );
      // Both members' keys here follow their new roles.
      await Promise.all(
        [roles.owner, roles.admin].map((userId) =>
          forgetMembershipKeys(ctx.organization.id, userId),
        ),
      );
      return roles;
    }),

  leave: organizationProcedure('members:read', { sessionOnly: true })
    .meta({
      openapi: { method: 'POST', path: path('/leave'), tags, summary: 'Leave an organization' },
    })
    .output(z.object({ removed: z.literal(true), userId: z.uuid() }))
    .mutation(async ({ ctx }) => {
      const removed = await ctx.organization.run((tx, role) =>
        removeMember(
          tx,
          ctx.organization.id,
          { userId: ctx.identity.userId, role },
          ctx.identity.userId,
          ctx.scope,
        ),
      );
      await forgetMembershipKeys(ctx.organization.id, ctx.identity.userId);
      await afterMembersChanged(ctx, ctx.organization.id, ctx.identity.userId);
      return removed;
    }),

  invitations: organizationProcedure('invitations:write')
    .meta({
      openapi: { method: 'GET', path: path('/invitations'), tags, summary: 'Open invitations' },
    })
    .output(z.object({ items: z.array(invitationOutput) }))
    .query(async ({ ctx }) => ({
      items: await ctx.organization.run((tx) => listOpenInvitations(tx)),
    })),

  invite: organizationProcedure('invitations:write')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/invitations'),
        tags,
        summary: 'Invite someone by email (the link is mailed; it works for 7 days)',
      },
      successStatus: 201,
      rateLimit: 'invitation',
      // An admin viewing as the user could invite themselves in, past the view.
      notWhileImpersonating: true,
    })
    .input(inviteInput)
    .output(invitationOutput)
    .mutation(async ({ ctx, input }) => {
      const sent = await ctx.organization.run((tx) =>
        createInvitation(tx, ctx.organization.id, ctx.identity.userId, input, ctx.scope),
      );
      mailInvitation(ctx, sent);
      return sent.invitation;
    }),

  resendInvitation: organizationProcedure('invitations:write')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/invitations/{invitationId}/resend'),
        tags,
        summary: 'Mail a new link (the old one stops working) valid for 7 more days',
      },
      rateLimit: 'invitation',
    })
    .input(invitationRef)
    .output(invitationOutput)
    .mutation(async ({ ctx, input }) => {
      const sent = await ctx.organization.run((tx) =>
        resendInvitation(
          tx,
          ctx.organization.id,
          ctx.identity.userId,
          input.invitationId,
          ctx.scope,
        ),
      );
      mailInvitation(ctx, sent);
      return sent.invitation;
    }),

  revokeInvitation: organizationProcedure('invitations:write')
    .meta({
      openapi: {
        method: 'DELETE',
        path: path('/invitations/{invitationId}'),
        tags,
        summary: 'Revoke an invitation',
      },
    })
    .input(invitationRef)
    .output(z.object({ revoked: z.literal(true), invitation: invitationOutput }))
    .mutation(({ ctx, input }) =>
      ctx.organization.run((tx) =>
        revokeInvitation(
          tx,
          ctx.organization.id,
          ctx.identity.userId,
          input.invitationId,
          ctx.scope,
        ),
      ),
    ),

  auditEvents: organizationProcedure('audit:read')
    .meta({
      openapi: {
        method: 'GET',
        path: path('/audit-events'),
        tags,
        summary: "The organization's audit events, newest first (owners and admins)",
      },
    })
    .input(listAuditInput)
    .output(listOrganizationAuditOutput)
    .query(({ ctx, input }) =>
      ctx.organization.run((tx) =>
        listOrganizationAuditEvents(tx, ctx.identity.userId, ctx.organization.id, input),
      ),
    ),

  exportAuditEvents: organizationProcedure('audit:read')
    .meta({
      openapi: {
        method: 'GET',
        path: path('/audit-events/export'),
        tags,
        summary: "The organization's matching audit events as CSV (up to 10,000)",
      },
    })
    .input(auditFilterInput)
    .output(exportAuditOutput)
    .query(({ ctx, input }) =>
      ctx.organization.run((tx) =>
        exportOrganizationAuditEvents(tx, ctx.identity.userId, ctx.organization.id, input),
      ),
    ),

  // A team's API keys: organizations.apiKeys, .createApiKey, .revokeApiKey.
  ...teamApiKeyProcedures,
  // A team's billing: organizations.billing, .checkout, .billingPortal, .confirmCheckout.
  ...teamBillingProcedures,

  ...acceptInvitationProcedure,
});
