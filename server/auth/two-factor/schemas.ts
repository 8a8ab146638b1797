import { z } from 'zod';

import { dateTime } from '@/server/platform/http/output';

// A TOTP code (6 digits) or a recovery code (XXXX-XXXX-XXXX); spaces are forgiven.
export const secondFactorCodeInput = z.object({ code: z.string().trim().min(6).max(32) });

export const twoFactorStatusOutput = z.object({
  /** False where Supabase Auth keeps the accounts: two-factor is not set up here. */
  available: z.boolean(),
  enabled: z.boolean(),
  enabledAt: dateTime().nullable(),
  recoveryCodesLeft: z.number().int().min(0),
});

export const enrolmentOutput = z.object({
  /** The key to type into an authenticator app by hand (base32, grouped). */
  manualKey: z.string(),
  /** The otpauth:// URI the QR code carries. */
  keyUri: z.string(),
});

export const recoveryCodesOutput = z.object({
  /** Ten one-time codes, shown this once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});

export const verifiedOutput = z.object({
  verified: z.literal(true),
  via: z.enum(['totp', 'recovery']),
});
