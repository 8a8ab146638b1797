import { z } from 'zod';

import { cursorInput } from '@/server/platform/http/cursor';
import { dayOrDateTime } from '@/server/platform/http/input';
import { dateTime } from '@/server/platform/http/output';

const filterFields = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.:-]{1,80}$/, 'an action name such as api_key.created')
    .optional(),
  // ISO date-times or YYYY-MM-DD; a bare date's `to` covers the whole day.
  from: dayOrDateTime('The start date').optional(),
  to: dayOrDateTime('The end date').optional(),
});

const rangeInOrder = (filter: { from?: string; to?: string }) =>
  !filter.from || !filter.to || startOf(filter.from) < endOf(filter.to);
const rangeMessage = { message: 'must not be before from', path: ['to'] };

export const auditFilterInput = filterFields.refine(rangeInOrder, rangeMessage);

export const listAuditInput = filterFields
  .extend({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: cursorInput.optional(),
  })
  .refine(rangeInOrder, rangeMessage);

/** The first instant a `from` covers. */
export function startOf(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
}

/** The first instant after what a `to` covers (a bare date: the next day). */
export function endOf(value: string): Date {
  if (value.length !== 10) return new Date(value);
  const next = new Date(`${value}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export const auditEventOutput = z.object({
  id: z.uuid(),
  action: z.string(),
  /** Who acted: the user, someone else (an admin), or the system (Stripe, a job). */
  actedBy: z.enum(['you', 'someone else', 'system']),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  success: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: dateTime(),
});

/** An event about a user as an admin sees it: the actor by id, no request details. */
export const eventAboutUserOutput = z.object({
  id: auditEventOutput.shape.id,
  action: auditEventOutput.shape.action,
  actorId: z.uuid().nullable(),
  success: auditEventOutput.shape.success,
  createdAt: auditEventOutput.shape.createdAt,
});

/** An event in an organization's log: who acted is named by their user id. */
export const organizationAuditEventOutput = auditEventOutput.extend({
  actorId: z.uuid().nullable(),
});

export const listOrganizationAuditOutput = z.object({
  items: z.array(organizationAuditEventOutput),
  nextCursor: z.string().nullable(),
});

export const listAuditOutput = z.object({
  items: z.array(auditEventOutput),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const exportAuditOutput = z.object({
  filename: z.string(),
  /** RFC 4180 CSV, header row first. */
  csv: z.string(),
  rows: z.number().int(),
  /** More events matched than one export holds; narrow the date range. */
  truncated: z.boolean(),
});
