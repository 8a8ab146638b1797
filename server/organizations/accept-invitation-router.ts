import { acceptInvitation } from './invitations';
import { sessionProcedure } from './procedure';
import { acceptInvitationInput, acceptInvitationOutput } from './schemas';
import { afterMembersChanged } from './seat-changes';

const tags = ['organizations'];

/**
 * Accepting an invitation, spread into the organizations router: the invitee's own
 * call (a session, never a key), after which the team's paid seats follow.
 */
export const acceptInvitationProcedure = {
  acceptInvitation: sessionProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/invitations/accept',
        tags,
        summary: 'Accept an invitation sent to your address',
      },
    })
    .input(acceptInvitationInput)
    .output(acceptInvitationOutput)
    .mutation(async ({ ctx, input }) => {
      const accepted = await ctx.rls((tx) =>
        acceptInvitation(tx, ctx.identity.userId, input.token, ctx.scope),
      );
      if (accepted.joined) {
        await afterMembersChanged(ctx, accepted.organizationId, ctx.identity.userId);
      }
      return accepted;
    }),
};
