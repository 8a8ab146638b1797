import { z } from 'zod';

import { PERMISSIONS } from '@/server/identity/permissions';
import { cursorInput } from '@/server/platform/http/cursor';
import { instant, text } from '@/server/platform/http/input';
import { dateTime } from '@/server/platform/http/output';

export const apiKeyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string(),
  scopes: z.array(z.enum(PERMISSIONS)),
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

export const createApiKeyInput = z.object({
  name: text('The key name').trim().min(1).max(80),
  scopes: z
    .array(z.enum(PERMISSIONS))
    .min(1)
    .max(PERMISSIONS.length)
    .transform((scopes) => [...new Set(scopes)]),
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
