import { describe, expect, it, vi } from 'vitest';

import { asNewCaller, newTestEmail, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

const adminEmail = vi.hoisted(() => `first-admin-${Date.now()}@example.com`);
vi.mock('@/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/env')>();
  return { env: { ...actual.env, ADMIN_EMAILS: [adminEmail] } };
});

const { api, db } = testApi();

const roleOf = async (cookie: string) =>
  (
    (await (await api.rest('/me', { headers: { ...asNewCaller(), cookie } })).json()).data as {
      role: string;
    }
  ).role;

describe('ADMIN_EMAILS', () => {
  it('makes the owner of a listed address an admin once they confirm it, and nobody else', async () => {
    const admin = await signedInUser(api, db(), { email: adminEmail });
    expect(await roleOf(admin.cookie)).toBe('admin');
    const user = await signedInUser(api, db(), { email: newTestEmail() });
    expect(await roleOf(user.cookie)).toBe('user');
  });
});
