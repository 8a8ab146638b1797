import { expect } from 'vitest';

import type { Database } from '@/db/types';

import { asNewCaller, lastMailTo, newTestEmail, signedInUser } from './accounts';
import type { apiClient } from './api-client';

type Api = ReturnType<typeof apiClient>;
export type TestUser = Awaited<ReturnType<typeof signedInUser>>;

let slugCount = 0;
export const newSlug = () => `team-${Date.now().toString(36)}-${slugCount++}`;

/** REST calls as a signed-in user, and the steps most organization tests start from. */
export function organizationSteps(api: Api, db: () => Database) {
  /** A REST call as `user` (their session cookie), or with an API key given as a string. */
  const call = async (user: TestUser | string, method: string, path: string, body?: unknown) => {
    const auth: Record<string, string> =
      typeof user === 'string' ? { authorization: `Bearer ${user}` } : { cookie: user.cookie };
    const response = await api.rest(path, {
      method,
      headers: { ...auth, 'content-type': 'application/json', ...asNewCaller() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk untyped bodies
    const json = (await response.json()) as { data?: any; error?: { message: string } };
    return { status: response.status, data: json.data, error: json.error };
  };

  /** A new team owned by `owner`; its id. */
  async function teamOf(owner: TestUser, name = 'Acme') {
    const created = await call(owner, 'POST', '/organizations', { name, slug: newSlug() });
    expect(created.status).toBe(201);
    return created.data.id as string;
  }

  /** Invites `email` into `org` as `owner` and returns the mailed link's token. */
  async function invite(owner: TestUser, org: string, email: string, role = 'member') {
    const sent = await call(owner, 'POST', `/organizations/${org}/invitations`, { email, role });
    expect(sent.status).toBe(201);
    return { id: sent.data.id as string, token: (await lastMailTo(db(), email)).token! };
  }

  /** A new account invited into `org` with `role`, which accepted. */
  async function memberOf(owner: TestUser, org: string, role = 'member') {
    const email = newTestEmail();
    const { token } = await invite(owner, org, email, role);
    const user = await signedInUser(api, db(), { email });
    expect((await call(user, 'POST', '/invitations/accept', { token })).status).toBe(200);
    return user;
  }

  /** A new key of `org` made by `user` with `scopes`; the key itself. */
  async function keyOf(user: TestUser | string, org: string, scopes: string[]) {
    const made = await call(user, 'POST', `/organizations/${org}/api-keys`, { name: 'ci', scopes });
    expect(made.status, made.error?.message).toBe(201);
    return made.data.key as string;
  }

  return { call, teamOf, invite, memberOf, keyOf };
}
