import type { Context } from '@/server/trpc';
import { permissionProcedure, publicProcedure, router } from '@/server/trpc';

import type { BillingCall } from './billing-call';
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

type UserContext = Context & { identity: { kind: 'user'; userId: string } };

function billingCall(ctx: UserContext): BillingCall {
  const email = ctx.identity.claims.email;
  return {
    userId: ctx.identity.userId,
    email: typeof email === 'string' ? email : null,
    stripe: ctx.billing().stripe,
    db: ctx.serviceDb,
    rls: ctx.rls,
    audit: ctx.scope,
    returnUrl: ctx.returnUrl,
  };
}

/** Billing's procedures; `usage` counts what other modules own (server/root.ts wires it). */
export const createBillingRouter = (usage: BillingUsageSources) => {
  const overviewFor = (ctx: UserContext) =>
    ctx.rls((tx) => billingOverviewOf(tx, ctx.identity.userId, usage, ctx.scope.tierLimit));

  return router({
    plans: publicProcedure
      .meta({
        openapi: { method: 'GET', path: '/billing/plans', tags, summary: 'The plans on sale' },
      })
      .output(planCatalog)
      .query(() =>
        PLAN_IDS.map((id) => {
          const { name, description, amounts, highlights, entitlements } = PLANS[id];
          const apiKeys = Number.isFinite(entitlements.apiKeys) ? entitlements.apiKeys : null;
          return { id, name, description, amounts, highlights, apiKeys };
        }),
      ),

    subscription: permissionProcedure('billing:read')
      .meta({
        openapi: {
          method: 'GET',
          path: '/billing/subscription',
          tags,
          summary: 'Your plan, subscription and usage against the plan’s limits',
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
      })
      .input(checkoutInput)
      .output(redirectOutput)
      .mutation(({ ctx, input }) => startCheckout(billingCall(ctx), input)),

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
      })
      .output(redirectOutput)
      .mutation(({ ctx }) => openBillingPortal(billingCall(ctx))),

    confirmCheckout: permissionProcedure('billing:write')
      .meta({
        openapi: {
          method: 'POST',
          path: '/billing/checkout/{sessionId}/confirm',
          tags,
          summary: 'Apply a finished checkout now, without waiting for the webhook',
        },
        rateLimit: 'billing',
      })
      .input(confirmCheckoutInput)
      .output(billingOverview)
      .mutation(async ({ ctx, input }) => {
        await confirmCheckout(billingCall(ctx), input.sessionId);
        return overviewFor(ctx);
      }),
  });
};
