import { randomUUID } from 'node:crypto';

import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { sql } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '@/db/query-rows';
import { withServiceRole } from '@/db/rls';
import { createTestDatabase, type TestDatabase } from '@/db/test-database';

import { startSupabaseAuthStandIn, type SupabaseAuthStandIn } from './supabase-auth-stand-in';

let testDb: TestDatabase | undefined;
let standIn: SupabaseAuthStandIn;

beforeAll(async () => {
  testDb = await createTestDatabase();
  standIn = await startSupabaseAuthStandIn({ db: testDb.db });
});
afterAll(async () => {
  await standIn?.close();
  await testDb?.close();
});

type RealtimeTransport = NonNullable<
  NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

// createClient builds its realtime client eagerly, and on Node 20 (no global
// WebSocket) that throws unless a transport is given. No test here opens a socket.
class NoRealtime {
  constructor() {
    throw new Error('realtime is not used by these tests');
  }
}

/**
 * The real SDK against the stand-in, recording each request it sends as
 * "METHOD /path", so a test can tell what stayed local. auth-js caches the JWKS per
 * storage key for the whole process, hence a fresh key unless one is given.
 */
function sdk(options: { key?: string; storageKey?: string } = {}) {
  const calls: string[] = [];
  const supabase = createClient(standIn.url, options.key ?? standIn.publishableKey, {
    auth: {
      persistSession: false,
      autoRefreshToken: false,
      storageKey: options.storageKey ?? `stand-in-${randomUUID()}`,
    },
    realtime: { transport: NoRealtime as unknown as RealtimeTransport },
    global: {
      fetch: (input, init) => {
        const path = new URL(String(input)).pathname.replace('/auth/v1', '');
        calls.push(`${init?.method ?? 'GET'} ${path}`);
        return fetch(input, init);
      },
    },
  });
  return { auth: supabase.auth, calls };
}

const newEmail = () => `stand-in-${randomUUID()}@example.com`;
const lastMail = (to: string, type: string) =>
  standIn.emails.findLast((mail) => mail.to === to && mail.type === type);

async function confirmedUser(password = 'correct horse') {
  const email = newEmail();
  const { auth } = sdk();
  const { data } = await auth.signUp({ email, password });
  await auth.verifyOtp({ type: 'signup', token_hash: lastMail(email, 'signup')!.tokenHash });
  return { email, password, userId: data.user!.id };
}

async function signedIn(password?: string) {
  const user = await confirmedUser(password);
  const client = sdk();
  const { data } = await client.auth.signInWithPassword(user);
  return { ...user, ...client, session: data.session! };
}

describe('Supabase Auth stand-in, through @supabase/supabase-js', () => {
  it('takes an account from sign-up through password recovery to sign-out', async () => {
    const { auth } = sdk();
    const email = newEmail();
    const signUp = await auth.signUp({
      email,
      password: 'first password',
      options: { data: { display_name: 'Ada' }, emailRedirectTo: 'http://localhost/welcome' },
    });
    expect(signUp.error).toBeNull();
    expect(signUp.data.session).toBeNull();
    const user = signUp.data.user!;
    expect(user).toMatchObject({ email, user_metadata: { display_name: 'Ada' } });
    expect(user.email_confirmed_at).toBeUndefined();
    expect(user.identities).toHaveLength(1);
    const confirmation = lastMail(email, 'signup')!;

    const early = await auth.signInWithPassword({ email, password: 'first password' });
    expect(early.error).toMatchObject({ status: 400, code: 'email_not_confirmed' });

    const verified = await auth.verifyOtp({ type: 'signup', token_hash: confirmation.tokenHash });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.email_confirmed_at).toBeTruthy();
    const reused = await auth.verifyOtp({ type: 'signup', token_hash: confirmation.tokenHash });
    expect(reused.error).toMatchObject({ status: 403, code: 'otp_expired' });

    const wrong = await auth.signInWithPassword({ email, password: 'not the password' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    const signIn = await auth.signInWithPassword({ email, password: 'first password' });
    expect(signIn.error).toBeNull();
    const session = signIn.data.session!;

    const { data: verifiedClaims, error: claimsError } = await auth.getClaims();
    expect(claimsError).toBeNull();
    expect(verifiedClaims!.header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(verifiedClaims!.claims).toMatchObject({
      sub: user.id,
      iss: `${standIn.url}/auth/v1`,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      aal: 'aal1',
      is_anonymous: false,
    });
    const [profile] = await withServiceRole(testDb!.db, (tx) =>
      queryRows<{ display_name: string }>(
        tx,
        sql`select display_name from public.profiles where id = ${user.id}`,
      ),
    );
    expect(profile).toEqual({ display_name: 'Ada' });

    const refreshed = await auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(session.refresh_token);
    expect(decodeJwt(refreshed.data.session!.access_token).session_id).toBe(
      decodeJwt(session.access_token).session_id,
    );

    expect(
      (await auth.resetPasswordForEmail(email, { redirectTo: 'http://localhost/reset' })).error,
    ).toBeNull();
    const recovery = sdk();
    const recovered = await recovery.auth.verifyOtp({
      type: 'recovery',
      token_hash: lastMail(email, 'recovery')!.tokenHash,
    });
    expect(recovered.error).toBeNull();
    expect((await recovery.auth.updateUser({ password: 'second password' })).error).toBeNull();
    // As in GoTrue, a new password ends every other session of the account.
    expect((await auth.getUser()).error).toMatchObject({ name: 'AuthSessionMissingError' });

    const old = await sdk().auth.signInWithPassword({ email, password: 'first password' });
    expect(old.error).toMatchObject({ code: 'invalid_credentials' });
    const last = sdk();
    const current = await last.auth.signInWithPassword({ email, password: 'second password' });
    expect(current.error).toBeNull();
    const accessToken = current.data.session!.access_token;

    expect((await last.auth.signOut()).error).toBeNull();
    expect((await last.auth.getSession()).data.session).toBeNull();
    const afterSignOut = await sdk().auth.getUser(accessToken);
    expect(afterSignOut.error).toMatchObject({ name: 'AuthSessionMissingError' });
    // getClaims only checks signature and expiry, so it still accepts the token.
    expect((await sdk().auth.getClaims(accessToken)).data?.claims.sub).toBe(user.id);
  });

  it('answers a sign-up for a taken address with a made-up user and sends no mail', async () => {
    const { email, userId } = await confirmedUser();
    const mailsBefore = standIn.emails.length;
    const again = await sdk().auth.signUp({ email, password: 'another password' });
    expect(again.error).toBeNull();
    expect(again.data.session).toBeNull();
    expect(again.data.user!.id).not.toBe(userId);
    expect(again.data.user!.identities).toEqual([]);
    expect(standIn.emails.length).toBe(mailsBefore);
  });

  it('ends the session when a rotated refresh token is replayed', async () => {
    const { auth, session } = await signedIn();
    const rotated = await auth.refreshSession();
    expect(rotated.error).toBeNull();

    const replay = await sdk().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(replay.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    const next = await sdk().auth.refreshSession({
      refresh_token: rotated.data.session!.refresh_token,
    });
    expect(next.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('applies an email change when the link sent to the new address is used', async () => {
    const { auth, email } = await signedIn();
    const changeTo = newEmail();
    const requested = await auth.updateUser({ email: changeTo });
    expect(requested.error).toBeNull();
    expect(requested.data.user).toMatchObject({ email, new_email: changeTo });

    const link = lastMail(changeTo, 'email_change')!;
    const applied = await sdk().auth.verifyOtp({
      type: 'email_change',
      token_hash: link.tokenHash,
    });
    expect(applied.error).toBeNull();
    expect(applied.data.user!.email).toBe(changeTo);
    expect((await auth.getUser()).data.user!.email).toBe(changeTo);
  });

  it('verifies sessions locally: getSession and getClaims need only one JWKS fetch', async () => {
    const storageKey = `stand-in-${randomUUID()}`;
    const { userId, email, password } = await confirmedUser();
    const client = sdk({ storageKey });
    await client.auth.signInWithPassword({ email, password });
    client.calls.length = 0;

    expect((await client.auth.getSession()).data.session?.user.id).toBe(userId);
    expect(client.calls).toEqual([]);
    expect((await client.auth.getClaims()).data?.claims.sub).toBe(userId);
    expect((await client.auth.getClaims()).data?.claims.sub).toBe(userId);
    expect(client.calls).toEqual(['GET /.well-known/jwks.json']);

    // The cache is per storage key across clients, for ten minutes.
    const sibling = sdk({ storageKey });
    const { data } = await sibling.auth.signInWithPassword({ email, password });
    sibling.calls.length = 0;
    await sibling.auth.getClaims(data.session!.access_token);
    expect(sibling.calls).toEqual([]);
  });

  it('refuses forged and expired tokens, locally or through GET /user', async () => {
    const { userId, email, session } = await signedIn();
    const claims = { sub: userId, email, session_id: decodeJwt(session.access_token).session_id };
    const check = async (token: string) => {
      const client = sdk();
      const { error } = await client.auth.getClaims(token);
      return { error, calls: client.calls.filter((call) => call !== 'GET /.well-known/jwks.json') };
    };

    // Signed with an unpublished key under the published kid: refused by signature check.
    const otherKey = await check(await standIn.signAccessToken(claims, { key: 'other' }));
    expect(otherKey).toMatchObject({ error: { name: 'AuthInvalidJwtError' }, calls: [] });
    const expired = await check(await standIn.signAccessToken({ ...claims, exp: 1 }));
    expect(expired).toMatchObject({ error: { name: 'AuthInvalidJwtError' }, calls: [] });

    // HS256, no kid or alg none: getClaims cannot check these itself and asks GET /user.
    for (const options of [
      { alg: 'HS256' },
      { key: 'other', kid: null },
      { alg: 'none', kid: null },
      { kid: randomUUID() },
    ] as const) {
      const result = await check(await standIn.signAccessToken(claims, options));
      expect(result).toMatchObject({
        error: { status: 403, code: 'bad_jwt' },
        calls: ['GET /user'],
      });
    }
    // alg none under a known kid reaches WebCrypto, which throws rather than returning an error.
    const unsigned = await standIn.signAccessToken(claims, { alg: 'none' });
    await expect(sdk().auth.getClaims(unsigned)).rejects.toThrow('Invalid alg claim');
  });

  it("answers errors in GoTrue's shapes, by API version", async () => {
    const weak = await sdk().auth.signUp({ email: newEmail(), password: 'short' });
    expect(weak.error).toMatchObject({
      name: 'AuthWeakPasswordError',
      status: 422,
      reasons: ['length'],
    });

    // Without the version header auth-js sends, GoTrue uses its older error body.
    const legacy = await fetch(`${standIn.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: standIn.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: newEmail(), password: 'whatever password' }),
    });
    expect(legacy.status).toBe(400);
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });

  it('refuses a wrong or missing apikey, but serves the JWKS to anyone', async () => {
    const wrongKey = await sdk({ key: 'sb_publishable_wrong' }).auth.signInWithPassword({
      email: newEmail(),
      password: 'whatever password',
    });
    expect(wrongKey.error).toMatchObject({ status: 401 });
    expect((await fetch(`${standIn.url}/auth/v1/settings`)).status).toBe(401);

    const jwks = await (await fetch(`${standIn.url}/auth/v1/.well-known/jwks.json`)).json();
    expect(jwks.keys).toEqual([
      expect.objectContaining({
        kty: 'EC',
        crv: 'P-256',
        alg: 'ES256',
        use: 'sig',
        kid: expect.any(String),
      }),
    ]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
