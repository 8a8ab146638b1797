import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

// Authenticator data flags (WebAuthn §6.1): user present, user verified, attested data.
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

type Ceremony = { rpId: string; origin: string; challenge: string };

/**
 * A passkey authenticator in software, for tests: an ES256 key pair per credential,
 * answers in the JSON shape @simplewebauthn/browser sends, attestation "none", and a
 * signature counter. What the browser and the device would do, done by hand, so the
 * server's real verification runs against real signatures.
 */
export function softwareAuthenticator({ userVerified = true } = {}) {
  const credentialId = randomBytes(32);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let counter = 0;
  let userHandle: string | undefined;

  const flags = (extra = 0) => UP | (userVerified ? UV : 0) | extra;
  const authData = (rpId: string, extraFlags: number, attested?: Buffer) => {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([
      sha256(rpId),
      Buffer.from([flags(extraFlags)]),
      count,
      ...(attested ? [attested] : []),
    ]);
  };
  const clientData = (type: string, { origin, challenge }: Ceremony) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    credentialId: b64url(credentialId),
    /** Answers navigator.credentials.create() options. */
    register(ceremony: Ceremony & { userId: string }) {
      userHandle = ceremony.userId;
      const jwk = (publicKey as KeyObject).export({ format: 'jwk' });
      const coseKey = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x!, 'base64url')],
          [-3, Buffer.from(jwk.y!, 'base64url')],
        ]),
      );
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, coseKey]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData(ceremony.rpId, AT, attested)],
        ]) as never,
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', ceremony)),
          attestationObject: b64url(attestationObject),
          transports: ['internal' as const],
        },
      };
    },
    /** Answers navigator.credentials.get() options, counting one more use. */
    assert(ceremony: Ceremony, { counterStep = 1 } = {}) {
      counter += counterStep;
      const data = authData(ceremony.rpId, 0);
      const client = clientData('webauthn.get', ceremony);
      const signature = sign('sha256', Buffer.concat([data, sha256(client)]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(client),
          authenticatorData: b64url(data),
          signature: b64url(signature),
          ...(userHandle ? { userHandle } : {}),
        },
      };
    },
    /** Sets the counter back, as a cloned authenticator's would be. */
    rewind(to: number) {
      counter = to;
    },
  };
}
