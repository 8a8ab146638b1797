import { randomBytes, randomUUID } from 'node:crypto';

import { base64url, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export type SignOptions = {
  alg?: 'ES256' | 'HS256' | 'none';
  /** The header's kid: the published key's by default, none at all with null. */
  kid?: string | null;
  key?: 'stand-in' | 'other';
};

/**
 * The stand-in's signing keys, as a Supabase project with asymmetric JWT signing keys
 * has them: one ES256 key whose public half is published as a JWKS. The unpublished
 * key and the HMAC secret exist only so tests can forge tokens that must be refused.
 */
export async function createSigningKeys(issuer: () => string) {
  const published = await generateKeyPair('ES256', { extractable: true });
  const unpublished = await generateKeyPair('ES256', { extractable: true });
  const hmacSecret = randomBytes(32);
  const kid = randomUUID();
  const jwks = {
    keys: [
      {
        ...(await exportJWK(published.publicKey)),
        kid,
        alg: 'ES256',
        use: 'sig',
        key_ops: ['verify'],
      },
    ],
  };

  /** Claims go over Supabase's defaults; pass `exp: undefined` (etc.) to leave one out. */
  async function sign(claims: Record<string, unknown>, options: SignOptions = {}) {
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = {
      iss: issuer(),
      aud: 'authenticated',
      role: 'authenticated',
      iat: now,
      exp: now + 3600,
      ...claims,
    };
    const alg = options.alg ?? 'ES256';
    const header = {
      alg,
      typ: 'JWT',
      ...(options.kid === null ? {} : { kid: options.kid ?? kid }),
    };
    if (alg === 'none') {
      const encode = (part: object) => base64url.encode(JSON.stringify(part));
      return `${encode(header)}.${encode(payload)}.`;
    }
    const key =
      alg === 'HS256'
        ? hmacSecret
        : options.key === 'other'
          ? unpublished.privateKey
          : published.privateKey;
    return new SignJWT(payload).setProtectedHeader(header).sign(key);
  }

  /** What GoTrue checks before it trusts a bearer token: the signature (by kid) and exp. */
  async function verify(token: string) {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        if (header.kid !== kid) throw new Error(`no key with kid ${String(header.kid)}`);
        return published.publicKey;
      },
      { algorithms: ['ES256'] },
    );
    return payload;
  }

  return { jwks, sign, verify };
}
