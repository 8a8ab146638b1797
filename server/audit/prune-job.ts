import { z } from 'zod';

import { defineJob } from '@/server/platform/runtime/control/channel';

import { pruneAuditLogAsService } from './prune';

/** `npm run audit:prune`, run by the CLI or, while the app runs, inside the app. */
export const pruneAuditLogJob = defineJob({
  name: 'audit:prune',
  // The floor of 30 days is the database's to enforce (private.prune_audit_logs).
  input: z.object({ days: z.number().int().min(1).max(36_500) }),
  run: async ({ db }, { days }) => ({
    ok: true,
    message: `Deleted ${await pruneAuditLogAsService(db, days)} audit events older than ${days} days.`,
  }),
});
