import { and, count, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';

import { apiKeys, type ApiKey } from '@/db/schema';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import type { Permission } from '@/server/auth/permissions';
import { AppError } from '@/server/platform/errors';

import { generateApiKey, parseApiKey } from './key-format';
import { ACTIVE_KEY_LIMITS, planOf } from './plan-limits';
import { keyShape } from './verify';

export function toApiKeyOutput(row: ApiKey) {
  const expired = row.expiresAt !== null && row.expiresAt.getTime() <= Date.now();
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    scopes: row.scopes as Permission[],
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    status: row.revokedAt
      ? ('revoked' as const)
      : expired
        ? ('expired' as const)
        : ('active' as const),
  };
}

// The cursor is the last row's (created_at, id), opaque to clients.
const encodeCursor = (row: ApiKey) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(createdAt ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid input: cursor', {
      fields: [{ path: 'cursor', message: 'Not a cursor this API returned.' }],
    });
  }
  return { createdAt: date, id };
}

/** The caller's keys, newest first, one page at a time (RLS: their own only). */
export async function listOwnApiKeys(tx: Tx, input: { limit: number; cursor?: string }) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await tx
    .select()
    .from(apiKeys)
    .where(
      after
        ? or(
            lt(apiKeys.createdAt, after.createdAt),
            and(eq(apiKeys.createdAt, after.createdAt), lt(apiKeys.id, after.id)),
          )
        : undefined,
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(toApiKeyOutput),
    nextCursor: rows.length > input.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/**
 * Creates a key for the caller (in their RLS transaction). Its scopes may not
 * exceed what the caller holds now (a key's own scopes, if a key is asking), and
 * the plan caps the active keys; a per-user lock makes concurrent creations count
 * one after another.
 */
export async function createOwnApiKey(
  tx: Tx,
  caller: { userId: string; permissions: readonly Permission[] },
  input: { name: string; scopes: Permission[]; expiresAt?: Date },
  audit: AuditContext,
) {
  const beyond = input.scopes.filter((scope) => !caller.permissions.includes(scope));
  if (beyond.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Invalid input: scopes beyond yours: ${beyond.join(', ')}`,
      {
        fields: [{ path: 'scopes', message: `You do not hold ${beyond.join(', ')}.` }],
      },
    );
  }
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`api-keys:${caller.userId}`}, 0))`,
  );
  const limit = ACTIVE_KEY_LIMITS[await planOf(caller.userId)];
  const [active] = await tx
    .select({ value: count() })
    .from(apiKeys)
    .where(
      and(
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)),
      ),
    );
  if ((active?.value ?? 0) >= limit) {
    throw new AppError(
      'FORBIDDEN',
      `Your plan allows ${limit} active API keys. Revoke one or upgrade your plan.`,
      { limit },
    );
  }
  const shape = keyShape();
  const key = generateApiKey(shape.prefix, shape.mode);
  const { hash, displayPrefix } = parseApiKey(key, shape)!;
  const [row] = await tx
    .insert(apiKeys)
    .values({
      userId: caller.userId,
      name: input.name,
      keyHash: hash,
      displayPrefix,
      scopes: input.scopes,
      expiresAt: input.expiresAt ?? null,
    })
    .returning();
  await recordAuditEvent(
    tx,
    {
      actorId: caller.userId,
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceId: row!.id,
      details: { name: input.name, scopes: input.scopes },
    },
    audit,
  );
  return { key, apiKey: toApiKeyOutput(row!) };
}

/** Revokes one of the caller's live keys; someone else's, or an unknown id, is a 404. */
export async function revokeOwnApiKey(tx: Tx, userId: string, id: string, audit: AuditContext) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'No such API key.');
  await recordAuditEvent(
    tx,
    { actorId: userId, action: 'api_key.revoked', resourceType: 'api_key', resourceId: id },
    audit,
  );
  return toApiKeyOutput(row);
}
