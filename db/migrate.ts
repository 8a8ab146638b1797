// `npm run db:migrate`: applies every pending migration to DATABASE_URL, or to the
// embedded database in DATA_DIR when DATABASE_URL is unset.
import { env } from '@/server/platform/env';

import { openEmbeddedDatabase } from './embedded';
import { migratePostgres } from './postgres';

async function main() {
  if (env.DATABASE_URL) {
    await migratePostgres(env.DATABASE_URL);
    console.log('Migrations applied to DATABASE_URL.');
    return;
  }
  const embedded = await openEmbeddedDatabase(env.DATA_DIR);
  await embedded.close();
  console.log(`Migrations applied to the embedded database in ${env.DATA_DIR}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
