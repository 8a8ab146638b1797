// `npm run db:migrate`: applies every pending migration to DIRECT_DATABASE_URL (or
// DATABASE_URL), or to the embedded database in DATA_DIR when neither is set.
import { env } from '@/server/platform/env';

import { openEmbeddedDatabase } from './embedded';
import { migratePostgres } from './postgres';

async function main() {
  const url = env.DIRECT_DATABASE_URL ?? env.DATABASE_URL;
  if (url) {
    await migratePostgres(url);
    console.log(
      `Migrations applied to ${env.DIRECT_DATABASE_URL ? 'DIRECT_DATABASE_URL' : 'DATABASE_URL'}.`,
    );
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
