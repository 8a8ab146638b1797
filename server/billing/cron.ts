import type { Database } from '@/db/types';

import { billingFromEnv, type Billing } from './stripe-client';
import { syncAllCustomersAsService } from './sync-all';

/** The scheduled reconciliation: every customer re-synced from Stripe. */
export const billingSyncJob =
  (billing: () => Billing | null = billingFromEnv) =>
  async (db: Database) => {
    const configured = billing();
    if (!configured) return { skipped: 'billing is not configured' };
    const report = await syncAllCustomersAsService(db, configured.stripe);
    return { ...report, failures: report.failures.length };
  };
