import { ANONYMOUS_CLAIMS, type Claims } from '@/db/rls';

import type { Permission } from './permissions';

/** Who is calling, as the pipeline's authentication step established it. */
export type Identity =
  | { kind: 'anonymous'; claims: Claims }
  | {
      kind: 'user';
      userId: string;
      /** Set when the caller signed in with a session (the built-in provider). */
      sessionId?: string;
      /** Set when the caller authenticated with an API key rather than a session. */
      apiKeyId?: string;
      claims: Claims;
      permissions: readonly Permission[];
    };

export type SignedIn = Extract<Identity, { kind: 'user' }>;

export const ANONYMOUS: Identity = { kind: 'anonymous', claims: ANONYMOUS_CLAIMS };
