import { z } from 'zod';

import { defineJob } from '@/server/platform/runtime/control/channel';
import { env } from '@/env';

import { migrationStatus } from '@/db/migration-status';

/**
 * `npm run db:migrate` on the embedded database. Opening it applies every migration,
 * so when the CLI opened it there is nothing left to do; the running app applied them
 * at its start, and only files added since need a restart (its code predates them).
 */
export const migrateEmbeddedJob = defineJob({
  name: 'db:migrate',
  input: z.object({}),
  run: async ({ db, runningApp }) => {
    if (!runningApp) {
      return {
        ok: true,
        message: `Migrations applied to the embedded database in ${env.DATA_DIR}.`,
      };
    }
    const { total, pending } = await migrationStatus(db);
    if (pending === 0) {
      return { ok: true, message: `The running app applied all ${total} migrations at its start.` };
    }
    return {
      ok: false,
      message: `${pending} of ${total} migrations are newer than the running app: restart it to apply them.`,
    };
  },
});
