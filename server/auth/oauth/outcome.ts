/** Why a callback signed nobody in; each names a message (auth.oauth.errors.*). */
export type OAuthRefusal = 'unverifiedEmail' | 'identityTaken' | 'failed';

export type OAuthOutcome =
  | { kind: 'signed-in'; userId: string; created: boolean }
  | { kind: 'linked'; userId: string }
  | { kind: 'refused'; reason: OAuthRefusal };
