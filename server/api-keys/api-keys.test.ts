import { randomUUID } from 'node:crypto';

import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { withServiceRole } from '@/db/rls';
import { apiKeys, auditLogs } from '@/db/schema';
import { NAMED_LIMITS, TIER_LIMITS } from '@/server/platform/infra/rate-limit/config';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { countingDb } from '@/test/helpers/counting-db';
import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { testScope, uniqueClientIp } from '@/test/helpers/scope';

import { generateApiKey } from './key-format';
import { apiKeyLookups } from '@/server/pipeline-deps';
import { identifyByApiKey } from './verify';

const { api, db } = testApi();

async function createKey(cookie: string, body: Record<string, unknown>) {
  const response = await api.postJson('/api-keys', body, { cookie, ...asNewCaller() });
  return { status: response.status, body: await response.json() };
}

const withKey = (key: string, headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${key}`,
  ...asNewCaller(),
  ...headers,
});

describe('API keys over REST', () => {
  it('creates a key shown once, which then authenticates as its owner by either header', async () => {
    const { cookie, userId, email } = await signedInUser(api, db());
    const created = await createKey(cookie, { name: 'CI', scopes: ['profile:read'] });
    expect(created.status).toBe(201);
    const { key, apiKey } = created.body.data;
    expect(key).toMatch(/^sk_test_[0-9A-Za-z]{28}$/);
    expect(apiKey).toMatchObject({ name: 'CI', scopes: ['profile:read'], status: 'active' });
    expect(key.startsWith(apiKey.displayPrefix)).toBe(true);

    for (const headers of [withKey(key), { 'x-api-key': key, ...asNewCaller() }]) {
      const me = await api.rest('/me', { headers });
      expect(me.status).toBe(200);
      expect((await me.json()).data).toMatchObject({ id: userId, email, emailVerified: true });
    }
    const list = await (await api.rest('/api-keys', { headers: { cookie } })).json();
    expect(JSON.stringify(list)).not.toContain(key);
    expect(list.data.items.map((item: { id: string }) => item.id)).toEqual([apiKey.id]);
  });

  it('holds a key to its scopes, naming the missing one', async () => {
    const { cookie } = await signedInUser(api, db());
    const { key } = (await createKey(cookie, { name: 'read', scopes: ['profile:read'] })).body.data;
    const write = await api.sendJson('PATCH', '/me', { displayName: 'x' }, withKey(key));
    expect(write.status).toBe(403);
    expect((await write.json()).error.message).toContain('profile:write');
    const keys = await api.rest('/api-keys', { headers: withKey(key) });
    expect(keys.status).toBe(403);
    expect((await keys.json()).error.message).toContain('api-keys:read');
  });

  it('never grants a scope its creator lacks', async () => {
    const { cookie } = await signedInUser(api, db());
    const admin = await createKey(cookie, { name: 'x', scopes: ['admin'] });
    expect(admin.status).toBe(400);
    expect(admin.body.error.details.fields[0].path).toBe('scopes');

    const { key } = (await createKey(cookie, { name: 'k', scopes: ['api-keys:write'] })).body.data;
    const wider = await api.postJson(
      '/api-keys',
      { name: 'wider', scopes: ['profile:write'] },
      withKey(key),
    );
    expect(wider.status).toBe(400);
  });

  it('refuses revoked and expired keys with 401', async () => {
    const { cookie } = await signedInUser(api, db());
    const revoked = (await createKey(cookie, { name: 'r', scopes: ['profile:read'] })).body.data;
    expect((await api.rest('/me', { headers: withKey(revoked.key) })).status).toBe(200);
    const revoke = await api.rest(`/api-keys/${revoked.apiKey.id}`, {
      method: 'DELETE',
      headers: { cookie, ...asNewCaller() },
    });
    expect(revoke.status).toBe(200);
    expect((await revoke.json()).data.apiKey.status).toBe('revoked');
    const after = await api.rest('/me', { headers: withKey(revoked.key) });
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toBe('The API key has been revoked.');

    const soon = new Date(Date.now() + 1_500).toISOString();
    const expiring = (
      await createKey(cookie, { name: 'e', scopes: ['profile:read'], expiresAt: soon })
    ).body.data;
    expect((await api.rest('/me', { headers: withKey(expiring.key) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const expired = await api.rest('/me', { headers: withKey(expiring.key) });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toBe('The API key has expired.');
  });

  it("answers 404 for another user's key, and 401 without credentials", async () => {
    const alice = await signedInUser(api, db());
    const bob = await signedInUser(api, db());
    const bobs = (await createKey(bob.cookie, { name: 'b', scopes: ['profile:read'] })).body.data;
    const steal = await api.rest(`/api-keys/${bobs.apiKey.id}`, {
      method: 'DELETE',
      headers: { cookie: alice.cookie, ...asNewCaller() },
    });
    expect(steal.status).toBe(404);
    expect((await api.rest('/me', { headers: withKey(bobs.key) })).status).toBe(200);
    expect((await api.rest('/api-keys', { headers: asNewCaller() })).status).toBe(401);
    const malformed = await api.rest('/me', { headers: withKey('sk_test_nope') });
    expect(malformed.status).toBe(401);
    expect((await malformed.json()).error.message).toBe('The API key is malformed or mistyped.');
  });

  it('caps active keys by plan (free: 2) and pages through the list with a cursor', async () => {
    const { cookie } = await signedInUser(api, db());
    const first = (await createKey(cookie, { name: 'one', scopes: ['profile:read'] })).body.data;
    await createKey(cookie, { name: 'two', scopes: ['profile:read'] });
    const third = await createKey(cookie, { name: 'three', scopes: ['profile:read'] });
    expect(third.status).toBe(403);
    expect(third.body.error.message).toContain('2 active API keys');

    await api.rest(`/api-keys/${first.apiKey.id}`, {
      method: 'DELETE',
      headers: { cookie, ...asNewCaller() },
    });
    expect((await createKey(cookie, { name: 'three', scopes: ['profile:read'] })).status).toBe(201);

    const page = async (query: string) =>
      (await (await api.rest(`/api-keys?${query}`, { headers: { cookie } })).json()).data;
    const one = await page('limit=2');
    expect(one.items.map((item: { name: string }) => item.name)).toEqual(['three', 'two']);
    const two = await page(`limit=2&cursor=${one.nextCursor}`);
    expect(two.items.map((item: { name: string }) => item.name)).toEqual(['one']);
    expect(two.nextCursor).toBeNull();
    const bad = await api.rest('/api-keys?cursor=garbage', { headers: { cookie } });
    expect(bad.status).toBe(400);
  });

  it('audits creation and revocation, and a refused key once, not per request', async () => {
    const { cookie, userId } = await signedInUser(api, db());
    const { key, apiKey } = (await createKey(cookie, { name: 'a', scopes: ['profile:read'] })).body
      .data;
    await api.rest(`/api-keys/${apiKey.id}`, {
      method: 'DELETE',
      headers: { cookie, ...asNewCaller() },
    });
    for (let i = 0; i < 3; i++) await api.rest('/me', { headers: withKey(key) });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the failure row is written off-path
    const events = await db()
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(and(eq(auditLogs.actorId, userId), eq(auditLogs.resourceId, apiKey.id)));
    expect(events.map((event) => event.action).sort()).toEqual([
      'api_key.created',
      'api_key.revoked',
      'api_key.verification_failed',
    ]);
  });

  it("counts the rate limit on the key, apart from its owner's session", async () => {
    const { cookie } = await signedInUser(api, db());
    const { key } = (await createKey(cookie, { name: 'rl', scopes: ['profile:read'] })).body.data;
    const remaining = async (headers: Record<string, string>) =>
      Number((await api.rest('/me', { headers })).headers.get('ratelimit-remaining'));
    // Four calls that must count in one hour (the key's and the session's budgets).
    await roomInWindow(TIER_LIMITS.free.windowSeconds, 15_000);
    const first = await remaining(withKey(key));
    const session = await remaining({ cookie, ...asNewCaller() });
    expect(await remaining(withKey(key))).toBe(first - 1);
    expect(await remaining({ cookie, ...asNewCaller() })).toBe(session - 1);
  });

  it('a key cannot create a key that outlives it', async () => {
    const { cookie } = await signedInUser(api, db());
    const soon = new Date(Date.now() + 3_600_000);
    const { key } = (
      await createKey(cookie, {
        name: 'short',
        scopes: ['api-keys:write', 'profile:read'],
        expiresAt: soon.toISOString(),
      })
    ).body.data;
    const forever = await api.postJson(
      '/api-keys',
      { name: 'forever', scopes: ['profile:read'], expiresAt: '2099-01-01T00:00:00Z' },
      withKey(key),
    );
    expect(forever.status).toBe(400);
    expect((await forever.json()).error.details.fields[0].path).toBe('expiresAt');
    const child = await api.postJson(
      '/api-keys',
      { name: 'child', scopes: ['profile:read'] },
      withKey(key),
    );
    expect(child.status).toBe(201);
    expect(new Date((await child.json()).data.apiKey.expiresAt).getTime()).toBe(soon.getTime());
  });

  it('pages through keys created in the same instant without skipping any', async () => {
    const { cookie, userId } = await signedInUser(api, db());
    await withServiceRole(db(), (tx) =>
      tx.insert(apiKeys).values(
        ['a', 'b', 'c'].map((name) => ({
          userId,
          organizationId: sql`(select id from organizations where personal_user_id = ${userId})`,
          name,
          keyHash: `same-instant-${randomUUID()}`,
          displayPrefix: 'sk_test_same',
          scopes: ['profile:read'],
        })),
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=1&cursor=${cursor}` : 'limit=1';
      const page = (await (await api.rest(`/api-keys?${query}`, { headers: { cookie } })).json())
        .data;
      seen.push(...page.items.map((item: { name: string }) => item.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves other Authorization schemes alone, and limits refused keys per address', async () => {
    const basic = await api.rest('/version', {
      headers: { authorization: 'Basic dXNlcjpwYXNz', ...asNewCaller() },
    });
    expect(basic.status).toBe(200);
    const headers = withKey('sk_test_nope');
    const statuses = [];
    // 31 sequential requests, all in one window, or the count starts over midway.
    await roomInWindow(NAMED_LIMITS.apiKeyFailure.windowSeconds, 20_000);
    for (let i = 0; i <= NAMED_LIMITS.apiKeyFailure.requests; i++) {
      statuses.push((await api.rest('/version', { headers })).status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('API key verification cost', () => {
  it('a malformed or mistyped key never reaches the database', async () => {
    const { counted, counter } = countingDb(db());
    const caller = () => testScope({ clientIp: uniqueClientIp() });
    const refused = (raw: string) =>
      expect(identifyByApiKey(raw, counted, caller(), apiKeyLookups)).rejects.toThrow(
        /malformed or mistyped/,
      );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (raw) => {
        await refused(raw);
      }),
      { numRuns: 200 },
    );
    // Well-formed keys with one character changed or cut off: the checksum's job.
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(...'0123456789abcXYZ'), async (at, char) => {
        const key = generateApiKey('sk', 'test');
        const position = 8 + (at % (key.length - 8));
        if (key[position] === char) return;
        await refused(key.slice(0, position) + char + key.slice(position + 1));
        await refused(key.slice(0, position));
      }),
      { numRuns: 200 },
    );
    expect(counter.transactions).toBe(0);
  });

  it('a cached key costs no query', async () => {
    const { cookie } = await signedInUser(api, db());
    const { key } = (await createKey(cookie, { name: 'c', scopes: ['profile:read'] })).body.data;
    const { counted, counter } = countingDb(db());
    await identifyByApiKey(key, counted, testScope(), apiKeyLookups);
    const afterFirst = counter.transactions;
    await identifyByApiKey(key, counted, testScope(), apiKeyLookups);
    await identifyByApiKey(key, counted, testScope(), apiKeyLookups);
    expect(counter.transactions).toBe(afterFirst);
  });
});
