/**
 * A user and an API key for the benchmark, made the way a user makes one: sign up, open the
 * confirmation link from the dev mailbox, sign in, create a key.
 */
const PASSWORD = 'correct horse battery staple';

export async function postJson(base: string, path: string, body: unknown, cookie = '') {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
}

/** A signed-in bench user (session cookie) with one API key. */
export async function provisionApiKey(base: string): Promise<{ key: string; cookie: string }> {
  const email = `bench-${Date.now()}@example.com`;
  await postJson(base, '/api/v1/auth/sign-up', { email, password: PASSWORD });
  const mailbox = await (await fetch(`${base}/dev/mailbox`)).text();
  const token = mailbox.match(/verify-email\?token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error('no confirmation link in the dev mailbox');
  await postJson(base, '/api/v1/auth/verify-email', { token });
  const signIn = await postJson(base, '/api/v1/auth/sign-in', { email, password: PASSWORD });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const created = await postJson(
    base,
    '/api/v1/api-keys',
    { name: 'bench', scopes: ['profile:read'] },
    cookie,
  );
  return { key: ((await created.json()) as { data: { key: string } }).data.key, cookie };
}
