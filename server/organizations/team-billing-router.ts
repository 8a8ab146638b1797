import { eq } from 'drizzle-orm';

import { organizations } from '@/db/schema/organizations';
import type { Tx } from '@/db/types';
import { countOrganizationActiveKeys } from '@/server/api-keys/service';
import { billingCallFor } from '@/server/billing/billing-call';
import { confirmCheckout, startCheckout } from '@/server/billing/checkout';
import { billingOverviewOf } from '@/server/billing/overview';
import { openBillingPortal } from '@/server/billing/portal';
import {
  billingOverview,
  checkoutInput,
  confirmCheckoutInput,
  redirectOutput,
} from '@/server/billing/schemas';
import { requireRecentSecondFactor } from '@/server/identity';
import type { Context } from '@/server/trpc';

import { organizationProcedure } from './procedure';

const tags = ['organizations'];
const path = (rest: string) => `/organizations/{organizationId}/billing${rest}` as const;
const usage = { activeApiKeys: countOrganizationActiveKeys };

type TeamContext = Context & {
  identity: { kind: 'user'; userId: string };
  organization: {
    id: string;
    run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  };
};

async function slugOf(tx: Tx, organizationId: string) {
  const [row] = await tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.slug ?? '';
}

/**
 * A billing call for the team, once its permission check has passed (run): Stripe's
 * pages bring the browser back to the team's billing page.
 */
async function teamBillingCall(ctx: TeamContext) {
  const slug = await ctx.organization.run((tx) => slugOf(tx, ctx.organization.id));
  return billingCallFor(ctx, ctx.organization.id, `/dashboard/organizations/${slug}/billing`);
}

const overviewOf = (ctx: TeamContext) =>
  ctx.organization.run((tx) =>
    billingOverviewOf(tx, ctx.organization.id, usage, ctx.scope.tierLimit),
  );

/**
 * A team's billing, spread into the organizations router: the same services as
 * /billing (server/billing), for the organization in the path, by the members whose
 * role holds billing:read / billing:write (owners, admins, billing members).
 */
export const teamBillingProcedures = {
  billing: organizationProcedure('billing:read')
    .meta({
      openapi: {
        method: 'GET',
        path: path(''),
        tags,
        summary: "The organization's plan, subscription, seats and usage against the plan's limits",
      },
    })
    .output(billingOverview)
    .query(({ ctx }) => overviewOf(ctx)),

  checkout: organizationProcedure('billing:write')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/checkout'),
        tags,
        summary:
          'Start a Stripe Checkout for a paid plan, one seat per member; open the returned URL',
      },
      successStatus: 201,
      rateLimit: 'checkout',
      notWhileImpersonating: true,
    })
    .input(checkoutInput)
    .output(redirectOutput)
    .mutation(async ({ ctx, input }) => startCheckout(await teamBillingCall(ctx), input)),

  billingPortal: organizationProcedure('billing:write')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/portal'),
        tags,
        summary: 'Open the Stripe customer portal for the organization',
      },
      successStatus: 201,
      rateLimit: 'billing',
      notWhileImpersonating: true,
    })
    .output(redirectOutput)
    .mutation(async ({ ctx }) => {
      requireRecentSecondFactor(ctx.identity);
      return openBillingPortal(await teamBillingCall(ctx));
    }),

  confirmCheckout: organizationProcedure('billing:write')
    .meta({
      openapi: {
        method: 'POST',
        path: path('/checkout/{sessionId}/confirm'),
        tags,
        summary: "Apply the organization's finished checkout now, without waiting for the webhook",
      },
      rateLimit: 'billing',
      notWhileImpersonating: true,
    })
    .input(confirmCheckoutInput)
    .output(billingOverview)
    .mutation(async ({ ctx, input }) => {
      await confirmCheckout(await teamBillingCall(ctx), input.sessionId);
      return overviewOf(ctx);
    }),
};
