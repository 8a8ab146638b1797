import type Stripe from 'stripe';

import type { Database, Tx } from '@/db/types';
import type { AuditContext } from '@/server/audit/record-event';
import type { Context } from '@/server/trpc';

/** What a billing service needs of the request: who calls, for whom, Stripe, the database. */
export type BillingCall = {
  /** The member who acts (checkout, portal); audit events name them. */
  userId: string;
  email: string | null;
  /** The organization billed: its customer, subscription and seats. */
  organizationId: string;
  stripe: Stripe;
  /** The connection, for the service path (billing rows are written only there). */
  db: Database;
  /** A transaction as the caller, under RLS, acting in the organization. */
  rls: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  audit: AuditContext;
  /** An absolute URL that brings this browser back to `path` (after Stripe's pages). */
  returnUrl: (path: string) => string;
  /** The organization's billing page, where Stripe's pages send the browser back. */
  billingPath: string;
};

export type UserContext = Context & { identity: { kind: 'user'; userId: string } };

/** A billing call for the organization `organizationId`, by the signed-in caller. */
export function billingCallFor(
  ctx: UserContext,
  organizationId: string,
  billingPath: string,
): BillingCall {
  const email = ctx.identity.claims.email;
  return {
    userId: ctx.identity.userId,
    email: typeof email === 'string' ? email : null,
    organizationId,
    stripe: ctx.billing().stripe,
    db: ctx.serviceDb,
    rls: (fn) => ctx.rlsIn(organizationId, fn),
    audit: ctx.scope,
    returnUrl: ctx.returnUrl,
    billingPath,
  };
}
