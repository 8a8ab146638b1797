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

/**
 * The newest confirmation link to `email` on the dev mailbox page. Mail goes out
 * after the response (Next's after()), so the page is read again until it shows.
 */
async function confirmationToken(base: string, email: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mailbox = await (await fetch(`${base}/dev/mailbox`)).text();
    const article = mailbox.split('<article').find((part) => part.includes(`Email to ${email}:`));
    const token = article?.match(/verify-email\?token=([A-Za-z0-9_-]{43})/)?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no confirmation link to ${email} in the dev mailbox`);
}

/**
 * A signed-in bench user (session cookie) with one API key of a team they own (a key
 * acts in one organization; /me names it from the cached key).
 */
export async function provisionApiKey(base: string): Promise<{ key: string; cookie: string }> {
  const email = `bench-${Date.now()}@example.com`;
  await postJson(base, '/api/v1/auth/sign-up', { email, password: PASSWORD });
  const token = await confirmationToken(base, email);
  await postJson(base, '/api/v1/auth/verify-email', { token });
  const signIn = await postJson(base, '/api/v1/auth/sign-in', { email, password: PASSWORD });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const team = await postJson(
    base,
    '/api/v1/organizations',
    { name: 'Bench', slug: `bench-${Date.now()}` },
    cookie,
  );
  const { id } = ((await team.json()) as { data: { id: string } }).data;
  const created = await postJson(
    base,
    `/api/v1/organizations/${id}/api-keys`,
    { name: 'bench', scopes: ['members:read'] },
    cookie,
  );
  return { key: ((await created.json()) as { data: { key: string } }).data.key, cookie };
}
