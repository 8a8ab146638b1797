import { randomBytes, randomInt, randomUUID } from 'node:crypto';

import type { Database } from '@/db/types';

import {
  AuthError,
  isRecord,
  listen,
  type Reply,
  type Request,
  type Route,
} from './supabase-auth-stand-in/http';
import { requireEmail, requireNewPassword } from './supabase-auth-stand-in/input';
import { createSigningKeys, type SignOptions } from './supabase-auth-stand-in/keys';
import { standInOAuth } from './supabase-auth-stand-in/oauth';
import {
  applyEmailChange,
  confirmEmail,
  findUserByEmail,
  findUserById,
  hashPassword,
  insertUser,
  markMailSent,
  markSignedIn,
  mergeUserMetadata,
  passwordMatches,
  requestEmailChange,
  setPasswordHash,
} from './supabase-auth-stand-in/users';

/**
 * A local stand-in for Supabase Auth (GoTrue) at its HTTP boundary. Tests cannot reach
 * a Supabase project, so this serves the endpoints the real @supabase/supabase-js auth
 * client calls, with GoTrue's request, response and error shapes, on a real database:
 * users are rows in auth.users; sessions, refresh tokens and mailed links live in
 * memory. It behaves like a project with email confirmation on, asymmetric (ES256)
 * signing keys and refresh-token rotation with reuse detection.
 */
export type StandInEmail = {
  to: string;
  type: 'signup' | 'recovery' | 'email_change' | 'magiclink';
  tokenHash: string;
  /** A magic link's 6-digit code (the template's {{ .Token }}): either redeems the mail. */
  code?: string;
};

export type SupabaseAuthStandIn = {
  url: string;
  publishableKey: string;
  emails: StandInEmail[];
  /** Signs an access token with the stand-in's key (or overrides, for forged-token tests). */
  signAccessToken(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
};

type Session = { userId: string; method: string; startedAt: number };

const ACCESS_TOKEN_SECONDS = 3600;
const MAIL_LINK_SECONDS = 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Which mailed link each verify type may redeem (type 'email' takes either kind).
const REDEEMS: Record<string, StandInEmail['type'][]> = {
  signup: ['signup'],
  email: ['signup', 'recovery', 'magiclink'],
  magiclink: ['magiclink'],
  recovery: ['recovery'],
  email_change: ['email_change'],
};

export async function startSupabaseAuthStandIn(options: {
  db: Database;
}): Promise<SupabaseAuthStandIn> {
  const { db } = options;
  let url = '';
  const keys = await createSigningKeys(() => `${url}/auth/v1`);
  const publishableKey = `sb_publishable_${randomBytes(24).toString('base64url')}`;
  const emails: StandInEmail[] = [];
  const sessions = new Map<string, Session>();
  // Rotated tokens stay here marked used, so a replay is recognised as one.
  const refreshTokens = new Map<string, { sessionId: string; used: boolean }>();
  const mailLinks = new Map<
    string,
    { userId: string; type: StandInEmail['type']; expiresAt: number; code?: string }
  >();

  // GoTrue keeps one live link per user and kind, and drops them all once one is used.
  function dropMailLinks(userId: string, type?: StandInEmail['type']) {
    for (const [hash, link] of mailLinks) {
      if (link.userId === userId && (!type || link.type === type)) mailLinks.delete(hash);
    }
  }

  function mail(userId: string, to: string, type: StandInEmail['type']) {
    dropMailLinks(userId, type);
    const tokenHash = randomBytes(28).toString('hex'); // GoTrue's are 56 hex characters too
    const code =
      type === 'magiclink' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
    const expiresAt = Date.now() + MAIL_LINK_SECONDS * 1000;
    mailLinks.set(tokenHash, { userId, type, expiresAt, code });
    emails.push({ to, type, tokenHash, code });
  }

  function endSessions(userId: string, keep: (sessionId: string) => boolean) {
    for (const [id, session] of sessions) {
      if (session.userId === userId && !keep(id)) sessions.delete(id);
    }
  }

  /** A session response (GoTrue's AccessTokenResponse) with a fresh refresh token. */
  async function tokens(sessionId: string) {
    const session = sessions.get(sessionId)!;
    const user = await findUserById(db, session.userId);
    if (!user) throw new AuthError(403, 'user_not_found', 'User not found');
    const refreshToken = randomBytes(24).toString('base64url');
    refreshTokens.set(refreshToken, { sessionId, used: false });
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await keys.sign({
      sub: user.id,
      email: user.email,
      phone: '',
      app_metadata: user.json.app_metadata,
      user_metadata: user.json.user_metadata,
      aal: 'aal1',
      amr: [{ method: session.method, timestamp: session.startedAt }],
      session_id: sessionId,
      is_anonymous: false,
      iat: now,
      exp: now + ACCESS_TOKEN_SECONDS,
    });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      expires_at: now + ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      user: user.json,
    };
  }

  async function startSession(userId: string, method: string) {
    await markSignedIn(db, userId);
    const sessionId = randomUUID();
    sessions.set(sessionId, { userId, method, startedAt: Math.floor(Date.now() / 1000) });
    return tokens(sessionId);
  }

  /** GoTrue's requireAuthentication: a verified bearer token whose user and session exist. */
  async function authenticate({ bearer }: Request) {
    if (!bearer) {
      throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    }
    const claims = await keys.verify(bearer).catch((error: Error) => {
      throw new AuthError(
        403,
        'bad_jwt',
        `invalid JWT: unable to parse or verify signature, ${error.message}`,
      );
    });
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
      throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
    }
    const user = await findUserById(db, claims.sub);
    if (!user) {
      throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    }
    // Like GoTrue, a token without session_id passes; one naming a dead session does not.
    const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
    if (sessionId !== null && sessions.get(sessionId)?.userId !== user.id) {
      throw new AuthError(
        403,
        'session_not_found',
        'Session from session_id claim in JWT does not exist',
      );
    }
    return { user, sessionId };
  }

  const ok = (body: unknown): Reply => ({ status: 200, body });

  /** The live magic link whose code `code` is, of the account at `email`. */
  async function linkByCode(email: unknown, code: unknown) {
    if (typeof code !== 'string') throw new AuthError(400, 'validation_failed', 'token required');
    const user = await findUserByEmail(db, requireEmail(email));
    return [...mailLinks.values()].find(
      (link) => link.userId === user?.id && link.code !== undefined && link.code === code,
    );
  }

  const oauth = standInOAuth(db, startSession);

  const routes: Record<string, Route> = {
    async 'POST /signup'({ body }) {
      const email = requireEmail(body.email);
      const password = requireNewPassword(body.password);
      const data = isRecord(body.data) ? body.data : {};
      const existing = await findUserByEmail(db, email);
      if (existing?.confirmed) {
        // With confirmation on, GoTrue answers a taken address with a made-up,
        // identity-less user and sends nothing, so sign-up cannot enumerate accounts.
        const now = new Date().toISOString();
        return ok({
          id: randomUUID(),
          aud: 'authenticated',
          role: 'authenticated',
          email,
          phone: '',
          confirmation_sent_at: now,
          app_metadata: { provider: 'email', providers: ['email'] },
          user_metadata: data,
          identities: [],
          created_at: now,
          updated_at: now,
          is_anonymous: false,
        });
      }
      // An unconfirmed account gets its link again; its password is left alone.
      const userId =
        existing?.id ??
        (await insertUser(db, { email, passwordHash: await hashPassword(password), data }));
      if (existing) await markMailSent(db, userId, 'signup');
      mail(userId, email, 'signup');
      return ok((await findUserById(db, userId))!.json);
    },

    async 'POST /verify'({ body }) {
      const type = typeof body.type === 'string' ? body.type : '';
      const redeems = REDEEMS[type];
      if (!redeems)
        throw new AuthError(400, 'validation_failed', `Unsupported verify type: ${type}`);
      const link =
        typeof body.token_hash === 'string'
          ? mailLinks.get(body.token_hash)
          : await linkByCode(body.email, body.token);
      if (!link || link.expiresAt < Date.now() || !redeems.includes(link.type)) {
        throw new AuthError(403, 'otp_expired', 'Email link is invalid or has expired');
      }
      dropMailLinks(link.userId);
      if (link.type === 'email_change') await applyEmailChange(db, link.userId);
      // Every redeemed link proves the address, as GoTrue's verify does.
      await confirmEmail(db, link.userId);
      return ok(await startSession(link.userId, link.type === 'signup' ? 'otp' : link.type));
    },

    async 'POST /token'({ body, query }) {
      const grantType = query.get('grant_type');
      if (grantType === 'password') {
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
        const user = email ? await findUserByEmail(db, email) : null;
        const valid = await passwordMatches(
          user?.passwordHash ?? null,
          String(body.password ?? ''),
        );
        if (!user || !valid) {
          throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
        }
        if (!user.confirmed) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
        return ok(await startSession(user.id, 'password'));
      }
      if (grantType === 'pkce') return ok(await oauth.exchange(body));
      if (grantType === 'refresh_token') {
        const presented = refreshTokens.get(String(body.refresh_token ?? ''));
        if (!presented || !sessions.has(presented.sessionId)) {
          throw new AuthError(
            400,
            'refresh_token_not_found',
            'Invalid Refresh Token: Refresh Token Not Found',
          );
        }
        if (presented.used) {
          // A replayed token may be a stolen one: end the whole session, as GoTrue does.
          sessions.delete(presented.sessionId);
          throw new AuthError(
            400,
            'refresh_token_already_used',
            'Invalid Refresh Token: Already Used',
          );
        }
        presented.used = true;
        return ok(await tokens(presented.sessionId));
      }
      throw new AuthError(400, 'validation_failed', 'unsupported_grant_type');
    },

    async 'GET /user'(request) {
      return ok((await authenticate(request)).user.json);
    },

    async 'PUT /user'(request) {
      const { user, sessionId } = await authenticate(request);
      const { body } = request;
      // Everything is checked before anything is written.
      const password = body.password === undefined ? null : requireNewPassword(body.password);
      if (password !== null && (await passwordMatches(user.passwordHash, password))) {
        throw new AuthError(
          422,
          'same_password',
          'New password should be different from the old password.',
        );
      }
      const email = body.email === undefined ? null : requireEmail(body.email);
      const changesEmail = email !== null && email !== user.email;
      if (changesEmail) {
        const holder = await findUserByEmail(db, email);
        if (holder && holder.id !== user.id) {
          throw new AuthError(
            422,
            'email_exists',
            'A user with this email address has already been registered',
          );
        }
      }

      if (isRecord(body.data)) await mergeUserMetadata(db, user.id, body.data);
      if (password !== null) {
        await setPasswordHash(db, user.id, await hashPassword(password));
        // GoTrue's UpdatePassword: outstanding links die and every other session ends.
        dropMailLinks(user.id);
        endSessions(user.id, (id) => id === sessionId);
      }
      if (changesEmail) {
        // Applied when the link mailed to the new address is redeemed. (Supabase's
        // "secure email change" would also want a link from the old address.)
        await requestEmailChange(db, user.id, email);
        mail(user.id, email, 'email_change');
      }
      return ok((await findUserById(db, user.id))!.json);
    },

    async 'POST /logout'(request) {
      const { user, sessionId } = await authenticate(request);
      const scope = request.query.get('scope') ?? 'global';
      if (scope === 'global') endSessions(user.id, () => false);
      else if (scope === 'local') endSessions(user.id, (id) => id !== sessionId);
      else if (scope === 'others') endSessions(user.id, (id) => id === sessionId);
      else throw new AuthError(400, 'validation_failed', `Unsupported logout scope: ${scope}`);
      return { status: 204 };
    },

    async 'POST /otp'({ body }) {
      const email = requireEmail(body.email);
      const user = await findUserByEmail(db, email);
      // What GoTrue answers an unknown address when asked not to create an account.
      if (!user && body.create_user === false) {
        throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
      }
      if (!user)
        throw new AuthError(400, 'validation_failed', 'The stand-in creates no users here');
      mail(user.id, user.email, 'magiclink');
      return ok({});
    },

    async 'POST /recover'({ body }) {
      const email = requireEmail(body.email);
      const user = await findUserByEmail(db, email);
      // The same answer whether or not the account exists.
      if (user) {
        await markMailSent(db, user.id, 'recovery');
        mail(user.id, user.email, 'recovery');
      }
      return ok({});
    },

    async 'GET /settings'() {
      return ok({
        external: { email: true, phone: false },
        disable_signup: false,
        mailer_autoconfirm: false,
        phone_autoconfirm: false,
        sms_provider: '',
        saml_enabled: false,
      });
    },
  };

  const server = await listen({
    publishableKey,
    routes,
    // The signing keys are public on Supabase (no apikey needed), so verifiers such as
    // jose's createRemoteJWKSet can fetch them bare.
    publicRoutes: {
      'GET /.well-known/jwks.json': () => ok(keys.jwks),
      // A browser navigation, like the real one: no apikey.
      'GET /authorize': (query) => oauth.authorize(query),
    },
  });
  url = server.url;

  return {
    url,
    publishableKey,
    emails,
    signAccessToken: (claims, signOptions) => keys.sign(claims, signOptions),
    close: server.close,
  };
}
