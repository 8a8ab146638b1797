// `npm run db:migrate`: applies every pending migration to DIRECT_DATABASE_URL (or
// DATABASE_URL), or to the embedded database in DATA_DIR when neither is set (which
// the running app, if any, did at its start).
import { migratePostgres } from '@/db/postgres';
import { runCli } from '@/server/platform/runtime/control/client';
import { env } from '@/env';

import { migrateEmbeddedJob } from './migrate-job';

const url = env.DIRECT_DATABASE_URL ?? env.DATABASE_URL;
if (url) {
  try {
    await migratePostgres(url);
    console.log(
      `Migrations applied to ${env.DIRECT_DATABASE_URL ? 'DIRECT_DATABASE_URL' : 'DATABASE_URL'}.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
} else await runCli(migrateEmbeddedJob, {});
