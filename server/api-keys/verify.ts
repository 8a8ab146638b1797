import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';

import { withServiceRole } from '@/db/rls';
import { apiKeys } from '@/db/schema/api-keys';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent } from '@/server/audit/record-event';
import type { Identifier, Identity } from '@/server/identity';
import { ROLE_PERMISSIONS, type Permission, type Role } from '@/server/identity/permissions';
import { appCache } from '@/server/platform/infra/cache/app-cache';
import { DEFAULT_L1_TTL_MS } from '@/server/platform/infra/cache/cache';
import { env } from '@/env';
import { isLocal } from '@/server/platform/runtime/stand-ins';
import { AppError } from '@/server/platform/http/errors';
import { logger } from '@/server/platform/observability/logger';
import { countApiKeyFailure } from '@/server/platform/observability/metrics';
import { enforceNamedLimit, ipKey } from '@/server/platform/infra/rate-limit/enforce';
import type { RequestScope } from '@/server/platform/http/request-scope';

import { parseApiKey } from './key-format';

/** What verification needs of a key, cached by hash. */
type KeyRecord = {
  id: string;
  userId: string;
  scopes: Permission[];
  role: Role;
  email: string | null;
  emailVerified: boolean;
  expiresAt: Date | null;
  revoked: boolean;
};

// Also in the shared store, a verified key lives only as long as the local copies
// do: whatever an invalidation misses (a read racing a revocation, Redis briefly
// down, a role change), no instance serves it for more than 5 seconds.
const KNOWN_TTL_SECONDS = DEFAULT_L1_TTL_MS / 1000;
const TOUCH_AFTER_MS = 60_000;
const FAILURE_AUDIT_EVERY_MS = 10 * 60_000;

export const apiKeyCache = () => appCache('api-keys');
export const keyTag = (keyId: string) => `api-key:${keyId}`;
export const userTag = (userId: string) => `user:${userId}`;

/** This deployment's key shape: `API_KEY_PREFIX`, and `live` only when deployed. */
export const keyShape = () => ({
  prefix: env.API_KEY_PREFIX,
  mode: env.API_KEY_MODE ?? (isLocal() ? 'test' : 'live'),
});

/**
 * The key a request carries, from `Authorization: Bearer …` or `X-API-Key`, or
 * null. Two different keys in one request are refused rather than guessed between.
 */
export function apiKeyFrom(headers: Headers): string | null {
  // Only a bearer token that starts like our keys is one; any other Authorization
  // (a proxy's Basic auth, another service's token) is not ours to judge.
  const token = headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const bearer = token?.startsWith(`${env.API_KEY_PREFIX}_`) ? token : null;
  const header = headers.get('x-api-key');
  if (bearer && header && bearer !== header) {
    throw new AppError('UNAUTHORIZED', 'Send one API key, not two different ones.');
  }
  return bearer ?? header;
}

/**
 * A key owner's role and email, as the accounts module keeps them (auth's
 * accountClaimsOf, passed in by server/pipeline-deps.ts so that api-keys and auth
 * do not import each other). Null when the account is gone.
 */
export type KeyOwnerLookup = (
  tx: Tx,
  userId: string,
) => Promise<{ role: Role; email: string | null; emailConfirmedAt: Date | null } | null>;

async function loadKeyAsService(
  db: Database,
  hash: string,
  ownerOf: KeyOwnerLookup,
): Promise<KeyRecord | null> {
  return withServiceRole(db, async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.keyHash, hash));
    // The owner's role and email are the auth module's rows, read in the same snapshot.
    const owner = key ? await ownerOf(tx, key.userId) : null;
    if (!key || !owner) return null;
    return {
      id: key.id,
      userId: key.userId,
      scopes: key.scopes as Permission[],
      role: owner.role,
      email: owner.email,
      emailVerified: owner.emailConfirmedAt !== null,
      expiresAt: key.expiresAt,
      revoked: key.revokedAt !== null,
    };
  });
}

/**
 * Known keys come from the cache. Unknown ones are not cached (random keys with a
 * valid checksum would only fill it); the failure limit per address bounds them.
 */
async function cachedKey(
  db: Database,
  hash: string,
  ownerOf: KeyOwnerLookup,
): Promise<KeyRecord | null> {
  const cache = apiKeyCache();
  const cached = await cache.get<KeyRecord>(`hash:${hash}`);
  if (cached !== undefined) return cached;
  const record = await loadKeyAsService(db, hash, ownerOf);
  if (record) {
    await cache.set(`hash:${hash}`, record, {
      ttlSeconds: KNOWN_TTL_SECONDS,
      tags: [keyTag(record.id), userTag(record.userId)],
    });
  }
  return record;
}

// Per process, bounded: when each key's last use was written, and its last failure audited.
const touchedAt = new LRUCache<string, number>({ max: 10_000 });
const failureAuditedAt = new LRUCache<string, number>({ max: 10_000 });

/** last_used_at, at most once a minute per key, never awaited by the request. */
function touch(db: Database, keyId: string) {
  const now = Date.now();
  if (now - (touchedAt.get(keyId) ?? 0) < TOUCH_AFTER_MS) return;
  touchedAt.set(keyId, now);
  withServiceRole(db, (tx) =>
    tx
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, keyId),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      ),
  ).catch((error: unknown) => logger.warn({ err: error }, 'could not record API key use'));
}

/**
 * A refused known key leaves one audit row per key per ten minutes, not one per
 * request; every refusal is counted in the metrics.
 */
async function refuse(
  db: Database,
  scope: RequestScope | null,
  reason: 'malformed' | 'unknown' | 'revoked' | 'expired',
  record?: KeyRecord,
): Promise<never> {
  countApiKeyFailure(reason);
  // Refusals are counted per address, so guessing keys soon meets 429s.
  if (scope) await enforceNamedLimit(scope, 'apiKeyFailure', ipKey(scope.clientIp));
  const now = Date.now();
  if (record && scope && now - (failureAuditedAt.get(record.id) ?? 0) > FAILURE_AUDIT_EVERY_MS) {
    failureAuditedAt.set(record.id, now);
    withServiceRole(db, (tx) =>
      recordAuditEvent(
        tx,
        {
          actorId: record.userId,
          action: 'api_key.verification_failed',
          resourceType: 'api_key',
          resourceId: record.id,
          success: false,
          details: { reason, reportedAtMostEvery: '10 minutes' },
        },
        scope,
      ),
    ).catch((error: unknown) => logger.warn({ err: error }, 'could not audit API key failure'));
  }
  const messages = {
    malformed: 'The API key is malformed or mistyped.',
    unknown: 'The API key is not valid.',
    revoked: 'The API key has been revoked.',
    expired: 'The API key has expired.',
  };
  throw new AppError('UNAUTHORIZED', messages[reason]);
}

/**
 * Pipeline step 2 for API keys. A malformed or mistyped key is refused before any
 * query or cache lookup; a known key from the cache costs no query. The key's
 * permissions are its scopes, and never more than its owner's role allows today.
 */
export async function identifyByApiKey(
  raw: string,
  db: Database,
  scope: RequestScope | null,
  ownerOf: KeyOwnerLookup,
): Promise<Identity> {
  const parsed = parseApiKey(raw, keyShape());
  if (!parsed) return refuse(db, scope, 'malformed');
  const record = await cachedKey(db, parsed.hash, ownerOf);
  if (!record) return refuse(db, scope, 'unknown');
  if (record.revoked) return refuse(db, scope, 'revoked', record);
  if (record.expiresAt && record.expiresAt.getTime() <= Date.now()) {
    return refuse(db, scope, 'expired', record);
  }
  touch(db, record.id);
  const allowed = ROLE_PERMISSIONS[record.role];
  const permissions = record.scopes.filter((scope) => allowed.includes(scope));
  return {
    kind: 'user',
    userId: record.userId,
    apiKeyId: record.id,
    claims: {
      sub: record.userId,
      role: 'authenticated',
      email: record.email ?? undefined,
      email_verified: record.emailVerified,
      api_key_id: record.id,
      scopes: permissions,
    },
    permissions,
  };
}

/** The pipeline's API-key identifier: none when the request carries no key. */
export const apiKeyIdentifier =
  (ownerOf: KeyOwnerLookup): Identifier =>
  async (request, db, scope) => {
    const key = apiKeyFrom(request.headers);
    return key ? identifyByApiKey(key, db, scope, ownerOf) : null;
  };
