import { ANONYMOUS_CLAIMS, type Claims } from '@/db/rls';

export type Permission = 'metrics:read' | 'admin';

/** Who is calling, as the pipeline's authentication step established it. */
export type Identity =
  | { kind: 'anonymous'; claims: Claims }
  | {
      kind: 'user';
      userId: string;
      /** Set when the caller authenticated with an API key rather than a session. */
      apiKeyId?: string;
      claims: Claims;
      permissions: readonly Permission[];
    };

export const ANONYMOUS: Identity = { kind: 'anonymous', claims: ANONYMOUS_CLAIMS };

/**
 * Step 2 of the pipeline. The foundation knows no credentials yet, so every caller
 * is anonymous; the auth and API-key work replace this with session and key checks.
 */
export async function resolveIdentity(_request: Request): Promise<Identity> {
  return ANONYMOUS;
}
