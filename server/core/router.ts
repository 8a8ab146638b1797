import { z } from 'zod';

import { env } from '@/env';
import { permissionProcedure, publicProcedure, router } from '@/server/trpc';

import { recordErrorReportAsService } from './error-reports';
import { checkServiceHealth, healthHttpStatus } from './health';
import { readMetricsSnapshot } from './metrics-snapshot';
import {
  errorReportInput,
  errorReportOutput,
  healthOutput,
  metricsOutput,
  versionOutput,
} from './schemas';
import { getVersion } from './version';

export const coreRouter = router({
  version: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/version',
        protect: false,
        tags: ['core'],
        summary: 'Name, version and commit of the running build',
      },
    })
    .input(z.void())
    .output(versionOutput)
    .query(() => getVersion()),

  health: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/health',
        protect: false,
        tags: ['core'],
        summary: 'Status of the service and each dependency',
        description: 'HTTP 200 when healthy or degraded, 503 when the database is unreachable.',
      },
      successBodyAlsoWith: { 503: 'Unhealthy: the database is unreachable' },
      rateLimit: 'health',
    })
    .input(z.void())
    .output(healthOutput)
    .query(async ({ ctx }) => {
      const health = await checkServiceHealth(ctx.serviceDb);
      ctx.scope.status = healthHttpStatus(health);
      return health;
    }),

  reportError: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/errors',
        protect: false,
        tags: ['core'],
        summary: 'Report a client-side error',
        successDescription:
          'Stored, or counted against an earlier report with the same fingerprint',
      },
      successStatus: 201,
    })
    .input(errorReportInput)
    .output(errorReportOutput)
    .mutation(async ({ ctx, input }) => {
      return recordErrorReportAsService(ctx.serviceDb, input, 'client');
    }),

  metrics: permissionProcedure('metrics:read')
    .input(z.void())
    .output(metricsOutput)
    .query(async ({ ctx }) =>
      readMetricsSnapshot(ctx.serviceDb, env.DATABASE_URL ? 'postgres' : 'embedded'),
    ),
});
