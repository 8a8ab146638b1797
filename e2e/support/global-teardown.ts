import { rm } from 'node:fs/promises';

import postgres from 'postgres';

/** Removes what this run created: its embedded data dir, or its database. */
export default async function globalTeardown() {
  if (process.env.E2E_DATA_DIR) {
    for (const dir of [process.env.E2E_DATA_DIR, `${process.env.E2E_DATA_DIR}.lock`]) {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = process.env.E2E_DATABASE_NAME;
  // Only ever drop a database this run's config named (see environment.ts).
  if (process.env.TEST_DATABASE_URL && name && /^leansaas_e2e_\d+$/.test(name)) {
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
