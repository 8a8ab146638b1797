// `npm run audit:prune -- --older-than 365d`: deletes older audit events (the prune
// is itself audited). Without the flag: AUDIT_RETENTION_DAYS, default 365.
import { runCli, usage } from '@/server/platform/runtime/control/client';
import { env } from '@/env';

import { parseRetention } from './prune';
import { pruneAuditLogJob } from './prune-job';

const flag = process.argv.indexOf('--older-than');
const given = flag >= 0 ? process.argv[flag + 1] : undefined;
const days = given === undefined ? env.AUDIT_RETENTION_DAYS : parseRetention(given);
if (days === null) {
  await usage('Usage: npm run audit:prune -- --older-than <days>d|<weeks>w|<years>y (e.g. 365d)');
} else await runCli(pruneAuditLogJob, { days });
