import { createHash, randomUUID } from 'node:crypto';

import type { Database } from '@/db/types';

import { AuthError, type Reply } from './http';
import { requireEmail } from './input';
import { confirmEmail, findUserByEmail, insertUser } from './users';

/**
 * GoTrue's OAuth with PKCE, the provider's side done at once: /authorize names who
 * signs in at the provider with the test-only `stand_in_email`, and sends the browser
 * back to `redirect_to` with a code; /token?grant_type=pkce spends the code once,
 * against the verifier whose S256 challenge /authorize was given.
 */
export function standInOAuth(
  db: Database,
  startSession: (userId: string, method: string) => Promise<unknown>,
) {
  const codes = new Map<string, { userId: string; challenge: string }>();
  return {
    async authorize(query: URLSearchParams): Promise<Reply> {
      const redirectTo = query.get('redirect_to');
      const challenge = query.get('code_challenge');
      if (!redirectTo || !challenge || query.get('code_challenge_method') !== 's256') {
        throw new AuthError(400, 'validation_failed', 'PKCE with s256 is required');
      }
      const email = requireEmail(query.get('stand_in_email'));
      const userId =
        (await findUserByEmail(db, email))?.id ??
        (await insertUser(db, { email, passwordHash: '', data: {} }));
      // The provider verified the address, so GoTrue confirms it.
      await confirmEmail(db, userId);
      const code = randomUUID();
      codes.set(code, { userId, challenge });
      const back = new URL(redirectTo);
      back.searchParams.set('code', code);
      return { status: 302, headers: { location: back.toString() } };
    },

    async exchange(body: Record<string, unknown>) {
      const code = String(body.auth_code ?? '');
      const entry = codes.get(code);
      codes.delete(code);
      if (!entry) throw new AuthError(404, 'flow_state_not_found', 'invalid flow state');
      const verifier = String(body.code_verifier ?? '');
      if (createHash('sha256').update(verifier).digest('base64url') !== entry.challenge) {
        throw new AuthError(400, 'bad_code_verifier', 'code challenge does not match');
      }
      return startSession(entry.userId, 'oauth');
    },
  };
}
