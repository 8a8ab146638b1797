import { z } from 'zod';

import { assertAdminSecondFactor, requireRecentSecondFactor } from '@/server/identity';
import type { Context } from '@/server/trpc';
import { permissionProcedure, router } from '@/server/trpc';

import {
  revokeApiKeyAsAdmin,
  revokeSessionAsAdmin,
  setRoleAsAdmin,
  type AdminCall,
} from './actions';
import { complianceReportAsAdmin } from './compliance';
import { impersonationProcedures } from './impersonation-router';
import {
  errorReportAsAdmin,
  listErrorReportsAsAdmin,
  resolveErrorReportAsAdmin,
} from './error-reports';
import {
  complianceInput,
  complianceOutput,
  errorReportIdInput,
  errorReportOutput,
  errorReportsInput,
  revokeApiKeyInput,
  revokeSessionInput,
  setRoleInput,
  systemOverviewOutput,
  userDetailOutput,
  userIdInput,
  userSearchInput,
  userSearchOutput,
  organizationSearchInput,
  organizationSearchOutput,
} from './schemas';
import { organizationsAsAdmin } from './organizations';
import { systemOverviewAsAdmin } from './system';
import { searchUsersAsAdmin, userDetailAsAdmin } from './users';

const tags = ['admin'];
// With ADMIN_REQUIRE_2FA, an admin without two-factor authentication is refused too.
const adminProcedure = permissionProcedure('admin').use(({ ctx, next }) => {
  assertAdminSecondFactor(ctx.identity);
  return next();
});
const done = z.object({ done: z.literal(true) });

const adminCall = (ctx: Context & { identity: { kind: 'user'; userId: string } }): AdminCall => ({
  adminId: ctx.identity.userId,
  db: ctx.serviceDb,
  audit: ctx.scope,
});

/** The admin area: every procedure needs the `admin` permission (403 otherwise). */
export const adminRouter = router({
  organizations: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/organizations',
        tags,
        summary: 'Search teams, with member counts and owners',
      },
    })
    .input(organizationSearchInput)
    .output(organizationSearchOutput)
    .query(({ ctx, input }) => organizationsAsAdmin(ctx.serviceDb, input)),

  users: adminProcedure
    .meta({ openapi: { method: 'GET', path: '/admin/users', tags, summary: 'Search users' } })
    .input(userSearchInput)
    .output(userSearchOutput)
    .query(({ ctx, input }) => searchUsersAsAdmin(ctx.serviceDb, input)),

  user: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/users/{userId}',
        tags,
        summary: 'A user with subscription, API keys, sessions and recent events',
      },
    })
    .input(userIdInput)
    .output(userDetailOutput)
    .query(({ ctx, input }) => userDetailAsAdmin(ctx.serviceDb, input.userId)),

  revokeSession: adminProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/admin/users/{userId}/sessions/{sessionId}',
        tags,
        summary: "End a user's session",
      },
    })
    .input(revokeSessionInput)
    .output(done)
    .mutation(async ({ ctx, input }) => {
      await revokeSessionAsAdmin(adminCall(ctx), input.userId, input.sessionId);
      return { done: true as const };
    }),

  revokeApiKey: adminProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/admin/users/{userId}/api-keys/{apiKeyId}',
        tags,
        summary: "Revoke a user's API key",
      },
    })
    .input(revokeApiKeyInput)
    .output(done)
    .mutation(async ({ ctx, input }) => {
      await revokeApiKeyAsAdmin(adminCall(ctx), input.userId, input.apiKeyId);
      return { done: true as const };
    }),

  setRole: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/users/{userId}/role',
        tags,
        summary: 'Change a role',
      },
    })
    .input(setRoleInput)
    .output(done)
    .mutation(async ({ ctx, input }) => {
      const viaApiKey = ctx.identity.apiKeyId !== undefined;
      requireRecentSecondFactor(ctx.identity);
      await setRoleAsAdmin({ ...adminCall(ctx), viaApiKey }, input.userId, input.role);
      return { done: true as const };
    }),

  system: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/system',
        tags,
        summary: 'Health, alerts, metrics and business counts',
      },
    })
    .input(z.void())
    .output(systemOverviewOutput)
    .query(({ ctx }) => systemOverviewAsAdmin(ctx.serviceDb)),

  errorReports: adminProcedure
    .meta({
      openapi: { method: 'GET', path: '/admin/error-reports', tags, summary: 'Error reports' },
    })
    .input(errorReportsInput)
    .output(z.array(errorReportOutput))
    .query(({ ctx, input }) => listErrorReportsAsAdmin(adminCall(ctx), input)),

  errorReport: adminProcedure
    .meta({
      openapi: { method: 'GET', path: '/admin/error-reports/{id}', tags, summary: 'One report' },
    })
    .input(errorReportIdInput)
    .output(errorReportOutput)
    .query(({ ctx, input }) => errorReportAsAdmin(adminCall(ctx), input.id)),

  resolveErrorReport: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/error-reports/{id}/resolve',
        tags,
        summary: 'Mark an error report resolved',
      },
    })
    .input(errorReportIdInput)
    .output(errorReportOutput)
    .mutation(({ ctx, input }) => resolveErrorReportAsAdmin(adminCall(ctx), input.id)),

  compliance: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/compliance',
        tags,
        summary: 'Events and distinct users per action for a date range (with CSV)',
      },
    })
    .input(complianceInput)
    .output(complianceOutput)
    .query(({ ctx, input }) => complianceReportAsAdmin(ctx.serviceDb, input)),

  ...impersonationProcedures,
});
