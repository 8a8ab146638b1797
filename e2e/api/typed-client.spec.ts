import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

import { expect, test } from '@playwright/test';

import { signedInCookie } from '../support/mailbox';

const run = promisify(execFile);

/** The key with one character of its random part changed. */
const mistyped = (key: string) => key.slice(0, 12) + (key[12] === 'a' ? 'b' : 'a') + key.slice(13);

test("the typed tRPC client example lists an organization's members with its API key", async ({
  request,
  baseURL,
}) => {
  const email = `client-${randomUUID()}@example.com`;
  const cookie = await signedInCookie(request, email);
  const team = await request.post('/api/v1/organizations', {
    headers: { cookie },
    data: { name: 'Example Team', slug: `example-${randomUUID().slice(0, 8)}` },
  });
  expect(team.status()).toBe(201);
  const organizationId = (await team.json()).data.id;
  const created = await request.post(`/api/v1/organizations/${organizationId}/api-keys`, {
    headers: { cookie },
    data: { name: 'example', scopes: ['members:read', 'api-keys:read'] },
  });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()).data;

  const { stdout } = await run('npx', ['tsx', 'examples/trpc-client.ts'], {
    env: { ...process.env, LEAN_SAAS_URL: baseURL, LEAN_SAAS_API_KEY: key },
    timeout: 60_000,
  });
  const output = JSON.parse(stdout.trim());
  expect(output).toEqual({
    organization: 'Example Team',
    role: 'owner',
    members: [{ email, role: 'owner' }],
    keys: [{ name: 'example', status: 'active', created: expect.stringMatching(/^\d{4}-.*Z$/) }],
  });

  // The REST equivalent, as the README shows it with curl.
  const rest = await request.get('/api/v1/me', { headers: { 'x-api-key': key } });
  expect((await rest.json()).data.organization).toMatchObject({ id: organizationId });

  const { stdout: refused, stderr } = await run('npx', ['tsx', 'examples/trpc-client.ts'], {
    env: { ...process.env, LEAN_SAAS_URL: baseURL, LEAN_SAAS_API_KEY: mistyped(key) },
    timeout: 60_000,
  }).catch((error: { stdout: string; stderr: string }) => error);
  expect(refused).toBe('');
  expect(stderr).toMatch(/malformed or mistyped/);
});
