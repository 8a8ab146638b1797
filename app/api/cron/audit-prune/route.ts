import { getDb } from '@/db/client';
import { auditPruneJob } from '@/server/audit/cron';
import { createCronHandler } from '@/server/platform/runtime/cron';

export const dynamic = 'force-dynamic';

export const GET = createCronHandler('audit-prune', auditPruneJob, { getDb });
