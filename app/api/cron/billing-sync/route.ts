import { getDb } from '@/db/client';
import { billingSyncJob } from '@/server/billing/cron';
import { createCronHandler } from '@/server/platform/runtime/cron';

export const dynamic = 'force-dynamic';

export const GET = createCronHandler('billing-sync', billingSyncJob(), { getDb });
