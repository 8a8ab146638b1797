import { randomUUID } from 'node:crypto';

import type { Database } from '@/db/types';
import { desc, eq } from 'drizzle-orm';

import { withServiceRole } from '@/db/rls';
import { emailOutbox } from '@/db/schema/mail';
import { organizations } from '@/db/schema/organizations';
import { grantAdminAsService } from '@/server/auth/grant-admin';

import type { apiClient } from './api-client';
import { uniqueClientIp } from './scope';

type Api = ReturnType<typeof apiClient>;

export const TEST_PASSWORD = 'correct horse battery staple';
export const newTestEmail = () => `user-${randomUUID()}@example.com`;
/** Headers of a caller of its own, so per-address limits never interfere. */
export const asNewCaller = () => ({ 'x-test-client-ip': uniqueClientIp() });

export const cookieOf = (response: Response) =>
  (response.headers.get('set-cookie') ?? '').split(';')[0]!;

/** The newest mail to `to` in the outbox, and the first link in it. */
export async function lastMailTo(db: Database, to: string) {
  const [message] = await withServiceRole(db, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, to))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1),
  );
  if (!message) throw new Error(`no mail to ${to}`);
  const link = new URL(message.textBody.match(/https?:\/\/\S+/)![0]);
  return { message, link, token: link.searchParams.get('token') };
}

/**
 * A user who signed up, confirmed the address through the mailed link and signed
 * in, the way a person does; returns the session cookie.
 */
export async function signedInUser(
  api: Api,
  db: Database,
  { email = newTestEmail(), displayName = 'Ada', headers = asNewCaller() } = {},
) {
  const signUp = await api.postJson(
    '/auth/sign-up',
    { email, password: TEST_PASSWORD, displayName },
    headers,
  );
  if (signUp.status !== 202) throw new Error(`sign-up answered ${signUp.status}`);
  const { token } = await lastMailTo(db, email);
  const verified = await api.postJson('/auth/verify-email', { token }, headers);
  if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
  const signIn = await api.postJson('/auth/sign-in', { email, password: TEST_PASSWORD }, headers);
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const { userId } = (await signIn.json()).data as { userId: string };
  return { email, userId, cookie: cookieOf(signIn), password: TEST_PASSWORD };
}

/** A key `user` creates through the API; `key` is the secret, shown only this once. */
export async function apiKeyOf(
  api: Api,
  user: { cookie: string },
  { name = 'test key', scopes = ['profile:read'] }: { name?: string; scopes?: string[] } = {},
) {
  const created = await api.postJson(
    '/api-keys',
    { name, scopes },
    {
      cookie: user.cookie,
      ...asNewCaller(),
    },
  );
  if (created.status !== 201) throw new Error(`key creation answered ${created.status}`);
  const { key, apiKey } = (await created.json()).data as { key: string; apiKey: { id: string } };
  return { key, id: apiKey.id };
}

/** A signed-in user made an admin, signed in again so that the session holds the role. */
export async function signedInAdmin(api: Api, db: Database) {
  const user = await signedInUser(api, db);
  if (!(await grantAdminAsService(db, user.email))) throw new Error('could not grant admin');
  const signIn = await api.postJson(
    '/auth/sign-in',
    { email: user.email, password: TEST_PASSWORD },
    asNewCaller(),
  );
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  return { ...user, cookie: cookieOf(signIn) };
}

/** The user's personal workspace: where their personal keys and billing live. */
export async function personalWorkspaceOf(db: Database, userId: string): Promise<string> {
  const [row] = await withServiceRole(db, (tx) =>
    tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.personalUserId, userId)),
  );
  if (!row) throw new Error(`no personal workspace for ${userId}`);
  return row.id;
}
