import { personalOrganizationId } from '@/db/personal-workspace';
import { requireRecentSecondFactor } from '@/server/identity';
import { permissionProcedure, publicProcedure, router } from '@/server/trpc';

import { billingCallFor, type UserContext } from './billing-call';
import { confirmCheckout, startCheckout } from './checkout';
import { billingOverviewOf, type BillingUsageSources } from './overview';
import { PLAN_IDS, PLANS } from './plans';
import { openBillingPortal } from './portal';
import {
  billingOverview,
  checkoutInput,
  confirmCheckoutInput,
  planCatalog,
  redirectOutput,
} from './schemas';

const tags = ['billing'];

/**
 * The organization these routes bill: an API key's own (a personal key's is its
 * creator's personal workspace; a team's keys hold no account scopes and use
 * /organizations/{organizationId}/billing), else the signed-in user's personal
 * workspace. Teams' billing is served by the organizations router.
 */
async function billedOrganization(ctx: UserContext): Promise<string> {
  const fromKey = ctx.identity.organization?.id;
  if (fromKey) return fromKey;
  return ctx.rls(personalOrganizationId);
}

const personalCall = async (ctx: UserContext) =>
  billingCallFor(ctx, await billedOrganization(ctx), '/dashboard/billing');

/** Billing's procedures; `usage` counts what other modules own (server/root.ts wires it). */
export const createBillingRouter = (usage: BillingUsageSources) => {
  const overviewFor = async (ctx: UserContext) => {
    const organizationId = await billedOrganization(ctx);
    return ctx.rlsIn(organizationId, (tx) =>
      billingOverviewOf(tx, organizationId, usage, ctx.scope.tierLimit),
    );
  };

  return router({
    plans: publicProcedure
      .meta({
        openapi: { method: 'GET', path: '/billing/plans', tags, summary: 'The plans on sale' },
      })
      .output(planCatalog)
      .query(() =>
        PLAN_IDS.map((id) => {
          const { name, description, amounts, highlights, entitlements } = PLANS[id];
          const finite = (limit: number) => (Number.isFinite(limit) ? limit : null);
          return {
            id,
            name,
            description,
            amounts,
            highlights,
            apiKeys: finite(entitlements.apiKeys),
            members: finite(entitlements.members),
          };
        }),
      ),

    subscription: permissionProcedure('billing:read')
      .meta({
        openapi: {
          method: 'GET',
          path: '/billing/subscription',
          tags,
          summary:
            'Your personal workspace’s (or your API key’s organization’s) plan, subscription and usage against the plan’s limits',
        },
      })
      .output(billingOverview)
      .query(({ ctx }) => overviewFor(ctx)),

    checkout: permissionProcedure('billing:write')
      .meta({
        openapi: {
          method: 'POST',
          path: '/billing/checkout',
          tags,
          summary: 'Start a Stripe Checkout for a paid plan; open the returned URL',
        },
        successStatus: 201,
        rateLimit: 'checkout',
        notWhileImpersonating: true,
      })
      .input(checkoutInput)
      .output(redirectOutput)
      .mutation(async ({ ctx, input }) => startCheckout(await personalCall(ctx), input)),

    portal: permissionProcedure('billing:write')
      .meta({
        openapi: {
          method: 'POST',
          path: '/billing/portal',
          tags,
          summary: 'Open the Stripe customer portal (change plan, cancel, invoices)',
        },
        successStatus: 201,
        rateLimit: 'billing',
        notWhileImpersonating: true,
      })
      .output(redirectOutput)
      .mutation(async ({ ctx }) => {
        requireRecentSecondFactor(ctx.identity);
        return openBillingPortal(await personalCall(ctx));
      }),

    confirmCheckout: permissionProcedure('billing:write')
      .meta({
        openapi: {
          method: 'POST',
          path: '/billing/checkout/{sessionId}/confirm',
          tags,
          summary: 'Apply a finished checkout now, without waiting for the webhook',
        },
        rateLimit: 'billing',
        notWhileImpersonating: true,
      })
      .input(confirmCheckoutInput)
      .output(billingOverview)
      .mutation(async ({ ctx, input }) => {
        await confirmCheckout(await personalCall(ctx), input.sessionId);
        return overviewFor(ctx);
      }),
  });
};
