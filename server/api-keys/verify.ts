import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';

import { withServiceRole } from '@/db/rls';
import { apiKeys } from '@/db/schema/api-keys';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent } from '@/server/audit/record-event';
import type { Identifier, Identity } from '@/server/identity';
import {
  ORGANIZATION_ROLE_PERMISSIONS,
  type OrganizationPermission,
  type OrganizationRole,
} from '@/server/identity/organization-roles';
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
import { said } from '@/server/i18n/error-words';

import { parseApiKey } from './key-format';

/** The key's organization, and its creator's role there (null once they left). */
type KeyOrganization = { id: string; name: string; slug: string; personal: boolean };

/** What verification needs of a key, cached by hash. */
type KeyRecord = {
  id: string;
  userId: string;
  organization: KeyOrganization;
  /** The creator's role in the key's organization; null when they are no longer a member. */
  memberRole: OrganizationRole | null;
  scopes: string[];
  role: Role;
  email: string | null;
  emailVerified: boolean;
  expiresAt: Date | null;
  revoked: boolean;
  /** When the read behind this record began (ms): a copy counts only within the bound. */
  verifiedAt: number;
};

// Also in the shared store, a verified key lives only as long as the local copies
// do: whatever an invalidation misses (a read racing a revocation, Redis briefly
// down, a role change), no instance serves it for more than 5 seconds.
const KNOWN_TTL_SECONDS = DEFAULT_L1_TTL_MS / 1000;
const TOUCH_AFTER_MS = 60_000;
const FAILURE_AUDIT_EVERY_MS = 10 * 60_000;

export const apiKeyCache = () => appCache('api-keys');
// Ids as Postgres spells uuids (lower case), whatever case a caller sent them in.
export const keyTag = (keyId: string) => `api-key:${keyId.toLowerCase()}`;
export const userTag = (userId: string) => `user:${userId.toLowerCase()}`;
const membershipTag = (organizationId: string, userId: string) =>
  `membership:${organizationId.toLowerCase()}:${userId.toLowerCase()}`;
const organizationTag = (organizationId: string) => `organization:${organizationId.toLowerCase()}`;

// When this process last dropped each tag's cached keys, so that a read that began
// before a drop does not put the old record back (bounded: older drops no longer matter).
const forgottenAt = new LRUCache<string, number>({ max: 10_000, ttl: DEFAULT_L1_TTL_MS });

function forget(tag: string) {
  forgottenAt.set(tag, Date.now());
  return apiKeyCache().invalidateTag(tag);
}

const tagsOf = (record: KeyRecord) => [
  keyTag(record.id),
  userTag(record.userId),
  membershipTag(record.organization.id, record.userId),
  organizationTag(record.organization.id),
];

/**
 * After the commit of a revocation: this process and the shared cache forget the
 * key now, other instances' short-lived local copies within the cache's 5 s bound.
 */
export const forgetApiKey = (keyId: string) => forget(keyTag(keyId));

/** After a commit that changed a user (role, email, keys): their keys are verified again. */
export const forgetUserKeys = (userId: string) => forget(userTag(userId));

/**
 * After the commit of a change to a membership (role changed, removed, left): the
 * member's keys there are verified again, with their role of now.
 */
export const forgetMembershipKeys = (organizationId: string, userId: string) =>
  forget(membershipTag(organizationId, userId));

/** After the commit of a renamed or deleted organization: its keys are verified again. */
export const forgetOrganizationKeys = (organizationId: string) =>
  forget(organizationTag(organizationId));

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
    throw new AppError('UNAUTHORIZED', said('apiKeys.twoKeys'));
  }
  return bearer ?? header;
}

/**
 * What verification reads from other modules' rows, passed in by
 * server/pipeline-deps.ts so that api-keys imports neither (auth imports api-keys to
 * drop cached keys, organizations to make and list a team's keys):
 * - `ownerOf`: the creator's account role and email (auth's accountClaimsOf); null
 *   when the account is gone.
 * - `membershipOf`: the organization, and the creator's role in it (null when they
 *   are no longer a member); null when the organization is gone.
 */
export type KeyLookups = {
  ownerOf: (
    tx: Tx,
    userId: string,
  ) => Promise<{ role: Role; email: string | null; emailConfirmedAt: Date | null } | null>;
  membershipOf: (
    tx: Tx,
    organizationId: string,
    userId: string,
  ) => Promise<(KeyOrganization & { role: OrganizationRole | null }) | null>;
};

async function loadKeyAsService(
  db: Database,
  hash: string,
  lookups: KeyLookups,
): Promise<KeyRecord | null> {
  const verifiedAt = Date.now();
  return withServiceRole(db, async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.keyHash, hash));
    if (!key) return null;
    // The other modules' rows, read in the same snapshot.
    const owner = await lookups.ownerOf(tx, key.userId);
    const organization = await lookups.membershipOf(tx, key.organizationId, key.userId);
    if (!owner || !organization) return null;
    const { role: memberRole, ...where } = organization;
    return {
      id: key.id,
      userId: key.userId,
      organization: where,
      memberRole,
      scopes: key.scopes,
      role: owner.role,
      email: owner.email,
      emailVerified: owner.emailConfirmedAt !== null,
      expiresAt: key.expiresAt,
      revoked: key.revokedAt !== null,
      verifiedAt,
    };
  });
}

// Named anew when the record's shape changes, so that during a rolling deploy no
// instance reads a record of another shape from the shared level.
const recordKey = (hash: string) => `record:${hash}`;

/**
 * Known keys come from the cache. Unknown ones are not cached (random keys with a
 * valid checksum would only fill it); the failure limit per address bounds them.
 */
async function cachedKey(
  db: Database,
  hash: string,
  lookups: KeyLookups,
): Promise<KeyRecord | null> {
  const cache = apiKeyCache();
  // A copy, whichever level it came from, counts only within the bound since its read.
  const cached = await cache.get<KeyRecord>(recordKey(hash));
  if (cached && Date.now() - cached.verifiedAt < DEFAULT_L1_TTL_MS) return cached;
  const record = await loadKeyAsService(db, hash, lookups);
  // A read that a revocation or a membership change overtook is not cached.
  const overtaken = (tag: string) => (forgottenAt.get(tag) ?? -Infinity) >= record!.verifiedAt;
  if (record && !tagsOf(record).some(overtaken)) {
    await cache.set(recordKey(hash), record, {
      ttlSeconds: KNOWN_TTL_SECONDS,
      tags: tagsOf(record),
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
  reason: 'malformed' | 'unknown' | 'revoked' | 'expired' | 'former-member',
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
  const words = {
    malformed: 'apiKeys.malformed',
    unknown: 'apiKeys.unknown',
    revoked: 'apiKeys.revoked',
    expired: 'apiKeys.expired',
    'former-member': 'apiKeys.formerMember',
  } as const;
  throw new AppError('UNAUTHORIZED', said(words[reason]));
}

/** The scopes a role allows: never more than the creator holds today. */
const allowedBy = <P extends string>(scopes: readonly string[], allowed: readonly P[]) =>
  scopes.filter((scope): scope is P => (allowed as readonly string[]).includes(scope));

/**
 * Pipeline step 2 for API keys. A malformed or mistyped key is refused before any
 * query or cache lookup; a known key from the cache costs no query. The key acts only
 * in its organization (the `org_id` claim, which the organizations' policies require).
 * Its permissions are its scopes, never more than its creator holds today: their
 * account's role for a personal key's account calls, their role in the organization
 * for its calls there. A team's key makes no account calls.
 */
export async function identifyByApiKey(
  raw: string,
  db: Database,
  scope: RequestScope | null,
  lookups: KeyLookups,
): Promise<Identity> {
  const parsed = parseApiKey(raw, keyShape());
  if (!parsed) return refuse(db, scope, 'malformed');
  const record = await cachedKey(db, parsed.hash, lookups);
  if (!record) return refuse(db, scope, 'unknown');
  if (record.revoked) return refuse(db, scope, 'revoked', record);
  if (record.expiresAt && record.expiresAt.getTime() <= Date.now()) {
    return refuse(db, scope, 'expired', record);
  }
  // The membership trigger revokes a former member's keys; this covers the cached copy.
  if (!record.memberRole) return refuse(db, scope, 'former-member', record);
  touch(db, record.id);
  const { organization, memberRole } = record;
  const permissions = organization.personal
    ? allowedBy<Permission>(record.scopes, ROLE_PERMISSIONS[record.role])
    : [];
  const organizationPermissions = allowedBy<OrganizationPermission>(
    record.scopes,
    ORGANIZATION_ROLE_PERMISSIONS[memberRole],
  );
  return {
    kind: 'user',
    userId: record.userId,
    apiKeyId: record.id,
    organization: { ...organization, role: memberRole, permissions: organizationPermissions },
    claims: {
      sub: record.userId,
      role: 'authenticated',
      email: record.email ?? undefined,
      email_verified: record.emailVerified,
      api_key_id: record.id,
      org_id: organization.id,
      scopes: organization.personal ? permissions : organizationPermissions,
    },
    permissions,
  };
}

/** The pipeline's API-key identifier: none when the request carries no key. */
export const apiKeyIdentifier =
  (lookups: KeyLookups): Identifier =>
  async (request, db, scope) => {
    const key = apiKeyFrom(request.headers);
    return key ? identifyByApiKey(key, db, scope, lookups) : null;
  };
