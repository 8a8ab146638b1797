import type Stripe from 'stripe';

import type { Database, Tx } from '@/db/types';
import type { AuditContext } from '@/server/audit/record-event';

/** What a billing service needs of the request: who calls, Stripe, the database. */
export type BillingCall = {
  userId: string;
  email: string | null;
  stripe: Stripe;
  /** The connection, for the service path (billing rows are written only there). */
  db: Database;
  /** A transaction as the caller, under RLS. */
  rls: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  audit: AuditContext;
  /** An absolute URL that brings this browser back to `path` (after Stripe's pages). */
  returnUrl: (path: string) => string;
};
