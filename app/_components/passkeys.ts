'use client';

import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';

/**
 * Why this page cannot use passkeys, or null if it can. WebAuthn takes no IP address
 * as a site, so a local app at 127.0.0.1 has to be opened at localhost for them.
 */
export function passkeysUnavailable(): 'unsupported' | 'ipAddress' | null {
  if (!browserSupportsWebAuthn()) return 'unsupported';
  const host = window.location.hostname;
  return /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[') ? 'ipAddress' : null;
}

/** The person dismissed the browser's prompt, or let it time out: not an error of ours. */
export const cancelledByPerson = (error: unknown) =>
  error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');

// The server sends the library's own options as plain JSON (server/auth/passkeys/router.ts).
export const promptToCreatePasskey = (options: Record<string, unknown>) =>
  startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });

export const promptForPasskey = (options: Record<string, unknown>) =>
  startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
