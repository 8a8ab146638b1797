import { migrateEmbeddedJob } from '@/server/platform/runtime/migrations/migrate-job';
import { pruneAuditLogJob } from '@/server/audit/prune-job';
import { grantAdminJob } from '@/server/auth/grant-admin-job';
import { syncAllCustomersJob } from '@/server/billing/sync-all-job';
import type { AnyJob } from '@/server/platform/runtime/control/channel';

/** The CLI jobs a running app runs for `npm run …` on the embedded database: one line each. */
export const cliJobs: readonly AnyJob[] = [
  grantAdminJob,
  syncAllCustomersJob,
  pruneAuditLogJob,
  migrateEmbeddedJob,
];
