import { randomUUID } from 'node:crypto';

import { and, eq, sql } from 'drizzle-orm';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { userIdentities, type OAuthProviderId } from '@/db/schema/auth';
import type { Database, Tx } from '@/db/types';
import { recordAuditEvent } from '@/server/audit/record-event';

import { grantBootstrapAdmin } from '@/server/auth/bootstrap-admin';
import type { RequestMeta } from './accounts';
import { normalizeEmail } from '@/server/auth/email-address';
import { startSignInSession } from '@/server/auth/sessions';
import { onUserChanged } from '@/server/auth/user-changed';

import type { OAuthOutcome } from '@/server/auth/oauth/outcome';
import type { OAuthProfile } from '@/server/auth/oauth/providers';

/** A sign-in's outcome here: with the new session's token when it signed someone in. */
export type BuiltInOAuthOutcome =
  | {
      kind: 'signed-in';
      userId: string;
      token: string;
      sessionId: string;
      created: boolean;
      /** Whether this sign-in confirmed the account's address. */
      confirmed?: boolean;
    }
  | Exclude<OAuthOutcome, { kind: 'signed-in' }>;

const identityOwner = async (tx: Tx, provider: OAuthProviderId, providerUserId: string) =>
  (
    await tx
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .where(
        and(
          eq(userIdentities.provider, provider),
          eq(userIdentities.providerUserId, providerUserId),
        ),
      )
  )[0]?.userId ?? null;

/** Records the link; a concurrent identical link is no error (the unique index decides). */
async function link(tx: Tx, userId: string, provider: OAuthProviderId, profile: OAuthProfile) {
  await tx
    .insert(userIdentities)
    .values({ userId, provider, providerUserId: profile.providerUserId, email: profile.email })
    .onConflictDoNothing();
  return (await identityOwner(tx, provider, profile.providerUserId)) === userId;
}

/**
 * The one place an OAuth sign-in becomes a session (a second factor, when an
 * account has one, belongs here). The browser's previous session ends with it.
 */
async function openOAuthSession(
  tx: Tx,
  userId: string,
  provider: OAuthProviderId,
  meta: RequestMeta,
  details: Record<string, unknown> = {},
) {
  await recordAuditEvent(
    tx,
    {
      actorId: userId,
      action: 'auth.sign_in',
      resourceType: 'user',
      resourceId: userId,
      details: { method: 'oauth', provider, ...details },
    },
    meta,
  );
  return startSignInSession(tx, userId, meta, 'oauth');
}

/**
 * The account a verified address names, or a new one for it. An unconfirmed account
 * is confirmed by the provider's word, and its password cleared, as a mailed sign-in
 * does (email-sign-in.ts): whoever set it never proved the address was theirs
 * (pre-hijacking). A new account is confirmed and has no password.
 */
async function accountForVerifiedEmail(
  tx: Tx,
  email: string,
  name: string | null,
  meta: RequestMeta,
) {
  const [existing] = await queryRows<{ id: string; email_confirmed_at: Date | null }>(
    tx,
    sql`select id, email_confirmed_at from auth.users
        where email = ${email} and is_sso_user = false for update`,
  );
  if (existing) {
    const confirms = !existing.email_confirmed_at;
    if (confirms) {
      await tx.execute(sql`
        update auth.users set email_confirmed_at = now(), encrypted_password = '', updated_at = now()
        where id = ${existing.id}`);
      await grantBootstrapAdmin(tx, { id: existing.id, email }, meta);
    }
    return { userId: existing.id, created: false, confirmed: confirms };
  }
  const [inserted] = await queryRows<{ id: string }>(
    tx,
    sql`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
                                raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
        values (${randomUUID()}, 'authenticated', 'authenticated', ${email}, '', now(),
                ${JSON.stringify({ provider: 'oauth', providers: ['oauth'] })}::jsonb,
                ${JSON.stringify({ display_name: name })}::jsonb, now(), now())
        on conflict (email) where is_sso_user = false do nothing
        returning id`,
  );
  // None: a concurrent sign-up took the address first; this one fails and may retry.
  if (!inserted) return null;
  await grantBootstrapAdmin(tx, { id: inserted.id, email }, meta);
  await recordAuditEvent(
    tx,
    {
      actorId: inserted.id,
      action: 'auth.sign_up',
      resourceType: 'user',
      resourceId: inserted.id,
      details: { method: 'oauth' },
    },
    meta,
  );
  return { userId: inserted.id, created: true, confirmed: true };
}

const refusal = async (
  tx: Tx,
  action: string,
  provider: OAuthProviderId,
  actorId: string | null,
  reason: string,
  meta: RequestMeta,
) =>
  recordAuditEvent(
    tx,
    {
      actorId,
      action,
      resourceType: 'user',
      resourceId: actorId ?? undefined,
      success: false,
      details: { method: 'oauth', provider, reason },
    },
    meta,
  );

/**
 * Signs in with an identity the provider vouched for. A linked identity signs into
 * its account. Otherwise only an address the provider says is verified may name an
 * account (an existing one, which gets the identity linked, or a new one): an
 * unverified address signs into nothing, so nobody takes over an account by adding
 * its owner's address at a provider; its owner links the identity while signed in.
 */
export async function signInWithOAuthAsService(
  db: Database,
  provider: OAuthProviderId,
  profile: OAuthProfile,
  meta: RequestMeta,
): Promise<BuiltInOAuthOutcome> {
  const outcome = await withServiceRole(db, async (tx): Promise<BuiltInOAuthOutcome> => {
    const owner = await identityOwner(tx, provider, profile.providerUserId);
    if (owner)
      return {
        kind: 'signed-in',
        userId: owner,
        created: false,
        ...(await openOAuthSession(tx, owner, provider, meta)),
      };
    if (!profile.email || !profile.emailVerified) {
      await refusal(tx, 'auth.sign_in', provider, null, 'provider email not verified', meta);
      return { kind: 'refused', reason: 'unverifiedEmail' };
    }
    const account = await accountForVerifiedEmail(
      tx,
      normalizeEmail(profile.email),
      profile.name,
      meta,
    );
    if (!account || !(await link(tx, account.userId, provider, profile))) {
      await refusal(
        tx,
        'auth.sign_in',
        provider,
        account?.userId ?? null,
        'concurrent sign-in',
        meta,
      );
      return { kind: 'refused', reason: 'failed' };
    }
    await recordAuditEvent(
      tx,
      {
        actorId: account.userId,
        action: 'auth.identity_linked',
        resourceType: 'user',
        resourceId: account.userId,
        details: {
          provider,
          by: 'verified email',
          ...(account.confirmed ? { confirmedEmail: true, passwordCleared: !account.created } : {}),
        },
      },
      meta,
    );
    const session = await openOAuthSession(tx, account.userId, provider, meta);
    return {
      kind: 'signed-in',
      userId: account.userId,
      created: account.created,
      confirmed: account.confirmed,
      ...session,
    };
  });
  // After the commit: a confirmed account may have become an admin (ADMIN_EMAILS).
  if (outcome.kind === 'signed-in' && outcome.confirmed) await onUserChanged(outcome.userId);
  return outcome;
}

/**
 * Links an identity to the signed-in account that started the flow, whatever
 * address the provider gave: the user proved both sides. One provider account
 * links to one of ours only.
 */
export async function linkIdentityAsService(
  db: Database,
  userId: string,
  provider: OAuthProviderId,
  profile: OAuthProfile,
  meta: RequestMeta,
): Promise<OAuthOutcome> {
  return withServiceRole(db, async (tx) => {
    const owner = await identityOwner(tx, provider, profile.providerUserId);
    if ((owner && owner !== userId) || !(await link(tx, userId, provider, profile))) {
      await refusal(
        tx,
        'auth.identity_linked',
        provider,
        userId,
        'linked to another account',
        meta,
      );
      return { kind: 'refused', reason: 'identityTaken' } as const;
    }
    if (!owner) {
      await recordAuditEvent(
        tx,
        {
          actorId: userId,
          action: 'auth.identity_linked',
          resourceType: 'user',
          resourceId: userId,
          details: { provider, by: 'signed-in user' },
        },
        meta,
      );
    }
    return { kind: 'linked', userId } as const;
  });
}
