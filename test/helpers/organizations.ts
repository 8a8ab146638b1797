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
  const call = async (user: TestUser, method: string, path: string, body?: unknown) => {
    const response = await api.rest(path, {
      method,
      headers: { cookie: user.cookie, 'content-type': 'application/json', ...asNewCaller() },
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

  return { call, teamOf, invite, memberOf };
}
