import type { Database } from '@/db/types';

import { isBearerTokenValid } from '@/server/platform/http/bearer-token';
import { env } from '@/env';
import { errorResponse, jsonResponse, successBody } from '@/server/platform/http/envelope';
import { publicError } from '@/server/platform/http/errors';
import { runApiRequest } from '@/server/platform/http/request-scope';

export type CronDeps = { getDb: () => Promise<Database>; secret?: () => string | undefined };

/**
 * A scheduled job as a route handler (Vercel Cron calls it with
 * `Authorization: Bearer $CRON_SECRET`). Without a configured secret the route does
 * not exist (404); a wrong or missing token is a 401.
 */
export const createCronHandler =
  (name: string, job: (db: Database) => Promise<Record<string, unknown>>, deps: CronDeps) =>
  (incoming: Request) =>
    runApiRequest(incoming, `GET /api/cron/${name}`, async (request, scope) => {
      const secret = (deps.secret ?? (() => env.CRON_SECRET))();
      if (!secret) return errorResponse(publicError('NOT_FOUND', 'Not found.'), scope.requestId);
      if (!isBearerTokenValid(request.headers.get('authorization'), secret)) {
        return errorResponse(
          publicError('UNAUTHORIZED', 'Send Authorization: Bearer <CRON_SECRET>.'),
          scope.requestId,
        );
      }
      const result = await job(await deps.getDb());
      scope.log.info({ job: name, ...result }, 'cron job done');
      return jsonResponse(successBody(result, scope.requestId), 200);
    });
