import { randomUUID } from 'node:crypto';

import { asc } from 'drizzle-orm';
import type Stripe from 'stripe';

import { withServiceRole } from '@/db/rls';
import { billingAccounts } from '@/db/schema/billing';
import type { Database } from '@/db/types';

import { syncSeats } from './seats';
import { syncStripeCustomer } from './sync';

export type SyncAllReport = {
  customers: number;
  planChanges: number;
  /** Subscriptions whose quantity was set to their organization's member count. */
  seatChanges: number;
  failures: string[];
};

/**
 * Re-syncs every customer from Stripe, and every paying organization's seats from
 * its member count: the reconciliation after a webhook outage, or after a seat sync
 * that Stripe refused. One customer's failure is reported and does not stop the others.
 */
export async function syncAllCustomersAsService(
  db: Database,
  stripe: Stripe,
): Promise<SyncAllReport> {
  const accounts = await withServiceRole(db, (tx) =>
    tx
      .select({
        customerId: billingAccounts.stripeCustomerId,
        organizationId: billingAccounts.organizationId,
      })
      .from(billingAccounts)
      .orderBy(asc(billingAccounts.createdAt)),
  );
  const context = {
    requestId: `billing-sync-${randomUUID()}`,
    clientIp: null,
    userAgent: 'billing:sync',
  };
  const report: SyncAllReport = { customers: 0, planChanges: 0, seatChanges: 0, failures: [] };
  for (const { customerId, organizationId } of accounts) {
    try {
      const result = await syncStripeCustomer(db, stripe, customerId, context);
      report.customers += 1;
      if (result && result.plan !== result.previousPlan) report.planChanges += 1;
      const seats = await syncSeats(db, stripe, organizationId, context);
      report.seatChanges += seats?.updated.length ?? 0;
    } catch (error) {
      report.failures.push(
        `${customerId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return report;
}
