import type { Database } from '@/db/types';
import { ANONYMOUS, ROLE_PERMISSIONS, type Identity } from '@/server/identity';
import { servedOverHttps } from '@/server/platform/http/request-origin';

import { sessionTokenFrom } from '@/server/auth/session-token';
import { findSessionAsService } from '@/server/auth/sessions';

/** The built-in provider's session cookie, looked up by its hash. */
export async function identifyBySessionCookie(request: Request, db: Database): Promise<Identity> {
  const secure = servedOverHttps(request);
  const token = sessionTokenFrom(request.headers.get('cookie'), secure);
  if (!token) return ANONYMOUS;
  const session = await findSessionAsService(db, token);
  if (!session) return ANONYMOUS;
  // Until it proves the second factor, a session of a 2FA account signs nobody in,
  // nor one that proved a factor since replaced (turned off and on again); an admin's
  // view as the user is the admin's (who proved theirs), not a sign-in.
  const proven =
    session.secondFactorAt !== null &&
    session.secondFactorAt >= (session.twoFactorEnabledAt ?? session.secondFactorAt);
  if (session.twoFactorEnabled && !proven && !session.impersonatorId) {
    return {
      kind: 'anonymous',
      claims: ANONYMOUS.claims,
      pendingSecondFactor: { userId: session.userId, sessionId: session.id },
    };
  }
  return {
    kind: 'user',
    userId: session.userId,
    sessionId: session.id,
    ...(session.impersonatorId ? { impersonatorId: session.impersonatorId } : {}),
    claims: {
      sub: session.userId,
      role: 'authenticated',
      email: session.email ?? undefined,
      email_verified: session.emailConfirmedAt !== null,
      session_id: session.id,
    },
    permissions: ROLE_PERMISSIONS[session.role],
    secondFactor: { enabled: session.twoFactorEnabled, verifiedAt: session.secondFactorAt },
  };
}
