import { and, count, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';

import { apiKeys, type ApiKey } from '@/db/schema/api-keys';
import { queryRows } from '@/db/query-rows';
import type { Tx } from '@/db/types';
import { recordAuditEvent, type AuditContext } from '@/server/audit/record-event';
import { planInTx } from '@/server/billing/entitlements';
import { personalOrganizationId } from '@/db/personal-workspace';
import { entitlementsOf } from '@/server/billing/plans';
import { cursorTextOf, decodeCursor, encodeCursor, olderThan } from '@/server/platform/http/cursor';
import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

import { generateApiKey, parseApiKey } from './key-format';
import type { ApiKeyScope } from './schemas';
import { keyShape } from './verify';

export function toApiKeyOutput(row: ApiKey) {
  const expired = row.expiresAt !== null && row.expiresAt.getTime() <= Date.now();
  return {
    id: row.id,
    organizationId: row.organizationId,
    createdBy: row.userId,
    name: row.name,
    displayPrefix: row.displayPrefix,
    scopes: row.scopes as ApiKeyScope[],
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

// Keys that still work: not revoked, not expired.
const stillWorks = () =>
  and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)));

/**
 * The organization's keys that still work, every member's: what its plan caps. Zero
 * for an organization the caller does not belong to.
 */
export async function countOrganizationActiveKeys(tx: Tx, organizationId: string) {
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`select private.organization_live_api_key_count(${organizationId}::uuid) as count`,
  );
  return row?.count ?? 0;
}

/** Every key that still works, whoever holds it (the admin's business count, as service). */
export async function countAllActiveKeys(tx: Tx): Promise<number> {
  const [active] = await tx.select({ value: count() }).from(apiKeys).where(stillWorks());
  return active?.value ?? 0;
}

/** A user's keys, every state, newest first (service path: an admin looking at an account). */
export async function listKeysOf(tx: Tx, userId: string) {
  const rows = await tx
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toApiKeyOutput);
}

/**
 * Keys newest first, one page at a time, as RLS shows them to the caller: their own,
 * in every organization they belong to (only the acting one for a key), and every key
 * of the organization they act in as its owner or admin. `organizationId` narrows
 * to one organization.
 */
export async function listApiKeys(
  tx: Tx,
  input: { limit: number; cursor?: string; organizationId?: string },
) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await tx
    .select({ key: apiKeys, cursorAt: cursorTextOf(apiKeys.createdAt) })
    .from(apiKeys)
    .where(
      and(
        input.organizationId ? eq(apiKeys.organizationId, input.organizationId) : undefined,
        after ? olderThan(apiKeys.createdAt, apiKeys.id, after) : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toApiKeyOutput(row.key)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.cursorAt, last.key.id) : null,
  };
}

/** A key may not create a key that outlives it: its own expiry, if any, is the ceiling. */
async function expiryCeiling(tx: Tx, callerKeyId: string | undefined) {
  if (!callerKeyId) return null;
  const [caller] = await tx
    .select({ expiresAt: apiKeys.expiresAt })
    .from(apiKeys)
    .where(eq(apiKeys.id, callerKeyId));
  return caller?.expiresAt ?? null;
}

/**
 * Creates a key for the caller (in their RLS transaction), acting in
 * `organizationId`, or in their personal workspace when none is named. Its scopes may
 * not exceed what the caller holds there now (a key's own, if a key is asking), and
 * the organization's plan caps its active keys, every member's counted; a lock per
 * organization makes concurrent creations count one after another.
 */
export async function createApiKey(
  tx: Tx,
  caller: { userId: string; apiKeyId?: string; permissions: readonly string[] },
  input: { name: string; scopes: ApiKeyScope[]; expiresAt?: Date; organizationId?: string },
  audit: AuditContext,
) {
  const beyond = input.scopes.filter((scope) => !caller.permissions.includes(scope));
  if (beyond.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      said('apiKeys.scopesBeyondSummary', { scopes: beyond.join(', ') }),
      {
        fields: [
          { path: 'scopes', message: said('apiKeys.scopesBeyond', { scopes: beyond.join(', ') }) },
        ],
      },
    );
  }
  const ceiling = await expiryCeiling(tx, caller.apiKeyId);
  const expiresAt = input.expiresAt ?? ceiling;
  if (ceiling && expiresAt && expiresAt > ceiling) {
    throw new AppError('VALIDATION_FAILED', said('apiKeys.outlivesSummary'), {
      fields: [{ path: 'expiresAt', message: said('apiKeys.outlives') }],
    });
  }
  const organizationId = input.organizationId ?? (await personalOrganizationId(tx));
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`api-keys:${organizationId}`}, 0))`,
  );
  const limit = entitlementsOf(await planInTx(tx, organizationId)).apiKeys;
  if ((await countOrganizationActiveKeys(tx, organizationId)) >= limit) {
    throw new AppError('FORBIDDEN', said('apiKeys.planLimit', { limit }), { limit });
  }
  const shape = keyShape();
  const key = generateApiKey(shape.prefix, shape.mode);
  const { hash, displayPrefix } = parseApiKey(key, shape)!;
  const [row] = await tx
    .insert(apiKeys)
    .values({
      userId: caller.userId,
      organizationId,
      name: input.name,
      keyHash: hash,
      displayPrefix,
      scopes: input.scopes,
      expiresAt: expiresAt ?? null,
    })
    .returning();
  await recordAuditEvent(
    tx,
    {
      actorId: caller.userId,
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceId: row!.id,
      organizationId: row!.organizationId,
      details: {
        name: input.name,
        scopes: input.scopes,
        ...(caller.apiKeyId ? { createdByApiKey: caller.apiKeyId } : {}),
      },
    },
    audit,
  );
  return { key, apiKey: toApiKeyOutput(row!) };
}

/**
 * The one write that revokes a key: a live key of `owner.userId`, by id, in the caller's
 * transaction (under RLS, the caller's own; on the service path, the user check is
 * what keeps an admin's call on that user's key). Returns the revoked row, or null
 * for an unknown id, a key of someone else, or one already revoked. The caller drops
 * the cached copy after the commit (`forgetApiKey`).
 */
export async function revokeApiKey(
  tx: Tx,
  id: string,
  owner: { userId: string },
): Promise<ApiKey | null> {
  const [row] = await revokeLiveKeysWhere(
    tx,
    and(eq(apiKeys.id, id), eq(apiKeys.userId, owner.userId)),
  );
  return row ?? null;
}

/** The statement both revocations share: live keys only, so none is revoked twice. */
const revokeLiveKeysWhere = (tx: Tx, which: SQL | undefined) =>
  tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(which, isNull(apiKeys.revokedAt)))
    .returning();

export { forgetApiKey } from './verify';

/** Revokes one of the caller's live keys; someone else's, or an unknown id, is a 404. */
export async function revokeOwnApiKey(tx: Tx, userId: string, id: string, audit: AuditContext) {
  const row = await revokeApiKey(tx, id, { userId });
  if (!row) throw new AppError('NOT_FOUND', said('apiKeys.noSuchKey'));
  await auditRevocation(tx, userId, row, audit);
  return toApiKeyOutput(row);
}

/**
 * Revokes a live key of the organization the caller acts in: their own, or anyone's
 * when they are its owner or admin (RLS decides); anything else is a 404.
 */
export async function revokeOrganizationApiKey(
  tx: Tx,
  organizationId: string,
  actorId: string,
  id: string,
  audit: AuditContext,
) {
  const [row] = await revokeLiveKeysWhere(
    tx,
    and(eq(apiKeys.id, id), eq(apiKeys.organizationId, organizationId)),
  );
  if (!row) throw new AppError('NOT_FOUND', said('apiKeys.noSuchKey'));
  await auditRevocation(tx, actorId, row, audit);
  return toApiKeyOutput(row);
}

const auditRevocation = (tx: Tx, actorId: string, key: ApiKey, audit: AuditContext) =>
  recordAuditEvent(
    tx,
    {
      actorId,
      action: 'api_key.revoked',
      resourceType: 'api_key',
      resourceId: key.id,
      organizationId: key.organizationId,
      // Its creator reads the event too (the audit log's subject is details.userId).
      ...(actorId === key.userId ? {} : { details: { userId: key.userId } }),
    },
    audit,
  );

/**
 * Revokes every live key of a user, each audited, in the caller's (service)
 * transaction: a password reset, which assumes the account may be in someone
 * else's hands, offers it. The caller drops the cached keys once this commits
 * (`onUserChanged`, as they are tagged with their owner).
 */
export async function revokeAllApiKeysOf(
  tx: Tx,
  userId: string,
  reason: string,
  audit: AuditContext,
) {
  const revoked = await revokeLiveKeysWhere(tx, eq(apiKeys.userId, userId));
  for (const key of revoked) {
    await recordAuditEvent(
      tx,
      {
        actorId: userId,
        action: 'api_key.revoked',
        resourceType: 'api_key',
        resourceId: key.id,
        organizationId: key.organizationId,
        details: { reason, displayPrefix: key.displayPrefix },
      },
      audit,
    );
  }
  return revoked.length;
}

/**
 * Before a member leaves or is removed: their live keys in the organization, which the
 * membership trigger (migration 0020) revokes with the membership, each audited in
 * the same transaction (recorded first: one who leaves names the organization only
 * while a member). Returns how many.
 */
export async function auditKeysRevokedWithMembership(
  tx: Tx,
  organizationId: string,
  member: { userId: string; actorId: string; reason: 'left' | 'removed' },
  audit: AuditContext,
) {
  const live = await tx
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.organizationId, organizationId),
        eq(apiKeys.userId, member.userId),
        isNull(apiKeys.revokedAt),
      ),
    );
  for (const key of live) {
    await recordAuditEvent(
      tx,
      {
        actorId: member.actorId,
        action: 'api_key.revoked',
        resourceType: 'api_key',
        resourceId: key.id,
        organizationId,
        details: { userId: member.userId, reason: `creator ${member.reason}` },
      },
      audit,
    );
  }
  return live.length;
}
