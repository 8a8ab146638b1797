import { z } from 'zod';

import { defineJob } from '@/server/platform/runtime/control/channel';

import { grantAdminAsService } from './grant-admin';

/** `npm run admin:grant`, run by the CLI or, while the app runs, inside the app. */
export const grantAdminJob = defineJob({
  name: 'admin:grant',
  input: z.object({ email: z.string().min(3).max(320) }),
  run: async ({ db }, { email }) =>
    (await grantAdminAsService(db, email))
      ? {
          ok: true,
          message: `${email} is now an admin; their sessions were ended, so they sign in again.`,
        }
      : { ok: false, message: `No account with the email ${email}.` },
});
