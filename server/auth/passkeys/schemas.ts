import { z } from 'zod';

import { text } from '@/server/platform/http/input';
import { dateTime } from '@/server/platform/http/output';

/** Binary fields of a WebAuthn answer, as @simplewebauthn/browser sends them. */
const base64url = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} is too long.`)
    .regex(/^[A-Za-z0-9_-]*$/, `${label} must be base64url.`);

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;

const credentialFields = {
  id: base64url('The credential id', 1400),
  rawId: base64url('The raw credential id', 1400),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string().max(64), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

/** What `startRegistration()` answers in the browser. */
export const registrationResponse = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url('clientDataJSON', 4096),
    attestationObject: base64url('attestationObject', 32_768),
    authenticatorData: base64url('authenticatorData', 32_768).optional(),
    transports: z.array(z.enum(TRANSPORTS)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url('publicKey', 4096).optional(),
  }),
});

/** What `startAuthentication()` answers in the browser. */
export const authenticationResponse = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url('clientDataJSON', 4096),
    authenticatorData: base64url('authenticatorData', 32_768),
    signature: base64url('signature', 4096),
    userHandle: base64url('userHandle', 128).optional(),
  }),
});

export const passkeyName = text('The passkey name').trim().min(1).max(64);

export const registerPasskeyInput = z.object({
  name: passkeyName,
  response: registrationResponse,
});
export const signInWithPasskeyInput = z.object({ response: authenticationResponse });
export const passkeyIdInput = z.object({ id: z.uuid() });
export const renamePasskeyInput = z.object({ id: z.uuid(), name: passkeyName });

/** The options a browser passes to navigator.credentials.create() or .get(), as JSON. */
export const ceremonyOptionsOutput = z.object({ options: z.record(z.string(), z.unknown()) });

export const passkeyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Whether it may be synced between devices (a multi-device passkey) and is backed up. */
  multiDevice: z.boolean(),
  backedUp: z.boolean(),
  createdAt: dateTime(),
  lastUsedAt: dateTime().nullable(),
});
export const passkeyListOutput = z.array(passkeyOutput);
