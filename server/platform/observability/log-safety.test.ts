import { describe, expect, it, vi } from 'vitest';

import { asNewCaller, newTestEmail, signedInUser, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

// Every line the app logs during these tests, through the app's real logger options
// (redaction included) at the most verbose level.
const lines = vi.hoisted(() => [] as string[]);
vi.mock('@/server/platform/observability/logger', async (importOriginal) => {
  const { loggerInto } = await import('@/test/helpers/captured-logs');
  return loggerInto(await importOriginal(), lines, 'trace');
});

const { api, db } = testApi();

describe('logs', () => {
  it('never carry a password or an API key, and name the request, user, key, route and duration', async () => {
    const email = newTestEmail();
    const headers = asNewCaller();
    const user = await signedInUser(api, db(), { email, headers });
    const as = { ...headers, cookie: user.cookie };
    await api.postJson('/auth/sign-in', { email, password: 'a wrong password 123' }, headers);
    const changed = await api.postJson(
      '/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase 42' },
      as,
    );
    expect(changed.status).toBe(200);
    const created = await api.postJson(
      '/api-keys',
      { name: 'logged?', scopes: ['profile:read'] },
      as,
    );
    const { key, apiKey } = (await created.json()).data as { key: string; apiKey: { id: string } };
    const byKey = { ...asNewCaller(), authorization: `Bearer ${key}` };
    expect((await api.rest('/me', { headers: byKey })).status).toBe(200);
    // A refused key (one character changed) and a key sent where JSON is invalid.
    const wrongKey = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    await api.rest('/me', { headers: { ...asNewCaller(), authorization: `Bearer ${wrongKey}` } });
    await api.postJson('/api-keys', `{"name": "${key}"`, byKey);

    const output = lines.join('');
    for (const secret of [
      TEST_PASSWORD,
      'a wrong password 123',
      'another long passphrase 42',
      key,
      wrongKey,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain(user.cookie.split('=')[1]!);

    const requests = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'request');
    const keyed = requests.find((entry) => entry.route === 'GET /api/v1/me' && entry.apiKeyId);
    expect(keyed).toMatchObject({
      requestId: expect.any(String),
      userId: user.userId,
      apiKeyId: apiKey.id,
      status: 200,
      durationMs: expect.any(Number),
    });
  });
});
