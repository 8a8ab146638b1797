import { sql } from 'drizzle-orm';
import { z } from 'zod';

import { queryRows } from '@/db/query-rows';
import type { Tx } from '@/db/types';
import {
  roleAllows,
  type OrganizationPermission,
  type OrganizationRole,
} from '@/server/identity/organization-roles';
import { AppError } from '@/server/platform/http/errors';

import { notAMember } from './not-a-member';
import { authedProcedure } from '@/server/trpc';
import { said } from '@/server/i18n/error-words';

export const organizationRef = z.object({ organizationId: z.uuid() });

/** The caller's role in the organization the transaction acts in, or null. */
async function actingRole(tx: Tx): Promise<OrganizationRole | null> {
  const [row] = await queryRows<{ role: OrganizationRole | null }>(
    tx,
    sql`select private.acting_role() as role`,
  );
  return row?.role ?? null;
}

/**
 * Calls about the person rather than one organization (creating a team, accepting an
 * invitation, leaving): an API key acts only inside its organization, so it may not.
 */
export const sessionProcedure = authedProcedure.meta({ sessionOnly: true }).use(({ ctx, next }) => {
  if (ctx.identity.apiKeyId) {
    throw new AppError('FORBIDDEN', said('organizations.sessionOnly'));
  }
  return next();
});

/**
 * A procedure that acts in one organization, named by `organizationId` in its input
 * (a path parameter in REST). `ctx.organization.run` opens the RLS transaction with
 * that organization in the claims and, in it, checks that the caller is a member
 * whose role holds `permission`: not a member is a 404 (an organization's existence
 * is its members' business), a member without the permission a 403. An API key must
 * be the organization's own (a key of A never acts in B, even when its creator
 * belongs to both) and hold `permission` among the scopes its creator's role allows.
 */
export function organizationProcedure(
  permission: OrganizationPermission,
  options: { sessionOnly?: boolean } = {},
) {
  return (options.sessionOnly ? sessionProcedure : authedProcedure)
    .meta({ organizationPermission: permission })
    .input(organizationRef)
    .use(({ ctx, input, next }) => {
      // One spelling, as the database returns ids: locks, caches and Stripe's
      // idempotency keys built from it then match whatever case the path used.
      const organizationId = input.organizationId.toLowerCase();
      const { apiKeyId, organization: keyOrganization } = ctx.identity;
      // Checked when the call runs, after its whole input is: bad input is a 400 first.
      const refuseForeignKey = () => {
        if (!apiKeyId) return;
        if (keyOrganization?.id !== organizationId) {
          throw new AppError('FORBIDDEN', said('organizations.keyOutsideOrganization'));
        }
        if (!keyOrganization.permissions.includes(permission)) {
          throw new AppError(
            'FORBIDDEN',
            said('organizations.keyLacksPermission', { permission }),
            { permission },
          );
        }
      };
      const run = <T>(fn: (tx: Tx, role: OrganizationRole) => Promise<T>) => {
        refuseForeignKey();
        return ctx.rlsIn(organizationId, async (tx) => {
          const role = await actingRole(tx);
          if (!role) throw notAMember();
          if (!roleAllows(role, permission)) {
            throw new AppError(
              'FORBIDDEN',
              said('organizations.roleLacksPermission', { role, permission }),
              { permission },
            );
          }
          return fn(tx, role);
        });
      };
      return next({ ctx: { organization: { id: organizationId, run } } });
    });
}
