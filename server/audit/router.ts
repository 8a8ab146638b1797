import { permissionProcedure, router } from '@/server/trpc';

import { exportOwnAuditEvents, listOwnAuditEvents } from './list-events';
import { auditFilterInput, exportAuditOutput, listAuditInput, listAuditOutput } from './schemas';

const tags = ['audit'];

export const auditRouter = router({
  list: permissionProcedure('audit:read')
    .meta({
      openapi: {
        method: 'GET',
        path: '/audit-logs',
        tags,
        summary: 'Your audit events, newest first; filter by action and date range',
      },
    })
    .input(listAuditInput)
    .output(listAuditOutput)
    .query(({ ctx, input }) => ctx.rls((tx) => listOwnAuditEvents(tx, ctx.identity.userId, input))),

  export: permissionProcedure('audit:read')
    .meta({
      openapi: {
        method: 'GET',
        path: '/audit-logs/export',
        tags,
        summary: 'Your matching audit events as CSV (up to 10,000, newest first)',
      },
    })
    .input(auditFilterInput)
    .output(exportAuditOutput)
    .query(({ ctx, input }) =>
      ctx.rls((tx) => exportOwnAuditEvents(tx, ctx.identity.userId, input)),
    ),
});
