import type { Database } from '@/db/types';
import { env } from '@/env';

import { pruneAuditLogAsService } from './prune';

/** The scheduled retention: events older than AUDIT_RETENTION_DAYS are deleted. */
export const auditPruneJob = async (db: Database) => ({
  olderThanDays: env.AUDIT_RETENTION_DAYS,
  deleted: await pruneAuditLogAsService(db, env.AUDIT_RETENTION_DAYS),
});
