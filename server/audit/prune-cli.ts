// `npm run audit:prune -- --older-than 365d`: deletes older audit events (the prune
// is itself audited). Without the flag: AUDIT_RETENTION_DAYS, default 365.
import { getDatabase } from '@/db/client';
import { env } from '@/server/platform/env';

import { parseRetention, pruneAuditLogAsService } from './prune';

const flag = process.argv.indexOf('--older-than');
const given = flag >= 0 ? process.argv[flag + 1] : undefined;
const days = given === undefined ? env.AUDIT_RETENTION_DAYS : parseRetention(given);
if (days === null) {
  console.error('Usage: npm run audit:prune -- --older-than <days>d|<weeks>w|<years>y (e.g. 365d)');
  process.exit(2);
}
const database = await getDatabase();
const deleted = await pruneAuditLogAsService(database.db, days);
await database.close();
console.log(`Deleted ${deleted} audit events older than ${days} days.`);
