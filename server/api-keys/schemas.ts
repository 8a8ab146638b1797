import { z } from 'zod';

import { ORGANIZATION_PERMISSIONS } from '@/server/identity/organization-roles';
import { PERMISSIONS } from '@/server/identity/permissions';
import { cursorInput } from '@/server/platform/http/cursor';
import { instant, text } from '@/server/platform/http/input';
import { dateTime } from '@/server/platform/http/output';

/**
 * What a key may be granted: a personal key, account permissions (as its creator's
 * account role allows); a team's key, the organization's (as its creator's role there
 * allows).
 */
export const API_KEY_SCOPES = [
  ...new Set<(typeof PERMISSIONS)[number] | (typeof ORGANIZATION_PERMISSIONS)[number]>([
    ...PERMISSIONS,
    ...ORGANIZATION_PERMISSIONS,
  ]),
];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const apiKeyOutput = z.object({
  id: z.uuid(),
  /** The one organization the key acts in (its creator's personal workspace, or a team). */
  organizationId: z.uuid(),
  /** The member who made it, whose permissions there cap its scopes. */
  createdBy: z.uuid(),
  name: z.string(),
  displayPrefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: dateTime(),
  lastUsedAt: dateTime().nullable(),
  expiresAt: dateTime().nullable(),
  revokedAt: dateTime().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});

export const listApiKeysInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorInput.optional(),
});

export const listApiKeysOutput = z.object({
  items: z.array(apiKeyOutput),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

const scopesOf = <S extends string>(known: readonly [S, ...S[]]) =>
  z
    .array(z.enum(known))
    .min(1)
    .max(known.length)
    .transform((scopes) => [...new Set(scopes)]);

export const createApiKeyInput = z.object({
  name: text('The key name').trim().min(1).max(80),
  scopes: scopesOf(PERMISSIONS),
  // Absent: the key does not expire.
  expiresAt: instant('The expiry')
    .refine((date) => date.getTime() > Date.now(), 'must be in the future')
    .optional(),
});

export const createApiKeyOutput = z.object({
  /** The key itself. Shown this once: only its hash is kept. */
  key: z.string(),
  apiKey: apiKeyOutput,
});

export const apiKeyIdInput = z.object({ id: z.uuid() });

/** A team's key: the organization's permissions, which the creator's role there caps. */
export const createOrganizationApiKeyInput = createApiKeyInput.extend({
  scopes: scopesOf(ORGANIZATION_PERMISSIONS),
});
