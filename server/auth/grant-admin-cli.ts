// `npm run admin:grant -- you@example.com`: makes that account an admin (through the
// running app when it owns the embedded database).
import { runCli, usage } from '@/server/platform/runtime/control/client';

import { grantAdminJob } from './grant-admin-job';

const email = process.argv[2];
if (!email) await usage('Usage: npm run admin:grant -- you@example.com');
else await runCli(grantAdminJob, { email });
