import { z } from 'zod';

import { httpsUrl, text } from '@/server/platform/http/input';
import { LOCALES } from '@/server/i18n/locales';
import { dateTime } from '@/server/platform/http/output';

import { SESSION_METHODS } from '@/db/schema/auth';

import { PASSWORD_MAX_LENGTH } from './password-rules';

const email = z.email().max(254);

export const signUpInput = z.object({
  email,
  // Length and the common-password check are applied by the service (NIST rules).
  password: text('The password').max(PASSWORD_MAX_LENGTH * 4),
  displayName: text('The display name').trim().min(1).max(80).optional(),
});

// Only compared with a hash, never stored: refusing characters here could lock out
// whoever set such a password before new passwords were checked.
const currentPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

export const signInInput = z.object({ email, password: currentPassword });

export const sessionOutput = z.object({
  userId: z.uuid(),
  /** True: the session needs a code (POST /auth/two-factor/verify) before it signs in. */
  secondFactorRequired: z.boolean().optional(),
});

/** The answer to requests whose outcome must not reveal who is registered. */
export const acceptedOutput = z.object({
  accepted: z.literal(true),
  message: z.string(),
});

export const meOutput = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  /** The language chosen on the profile; null: the browser's. */
  locale: z.string().nullable(),
  role: z.enum(['user', 'admin']),
  permissions: z.array(z.string()),
  /** For an API key: the one organization it acts in, and what it may do there. */
  organization: z
    .object({
      id: z.uuid(),
      name: z.string(),
      slug: z.string(),
      personal: z.boolean(),
      role: z.enum(['owner', 'admin', 'member', 'billing']),
      permissions: z.array(z.string()),
    })
    .nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const updateMeInput = z
  .object({
    displayName: text('The display name').trim().min(1).max(80).nullable().optional(),
    avatarUrl: httpsUrl('The avatar URL').max(2_048).nullable().optional(),
    locale: z
      .enum(LOCALES, { error: `The language must be one of ${LOCALES.join(', ')}` })
      .nullable()
      .optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'send displayName, avatarUrl or locale');

export type UpdateMeInput = z.infer<typeof updateMeInput>;

const sessionFields = z.object({
  id: z.uuid(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** How its sign-in was proven: a password, a mailed link, or the mailed code. */
  method: z.enum(SESSION_METHODS),
  /** When it last proved a second factor (two-factor authentication), if ever. */
  secondFactorAt: dateTime().nullable(),
  createdAt: dateTime(),
  lastSeenAt: dateTime(),
});

export const sessionListOutput = z.array(sessionFields.extend({ current: z.boolean() }));

/** A session of any user as an admin sees it: ended ones too, and whether it works. */
export const userSessionOutput = sessionFields.extend({ active: z.boolean() });

export const sessionIdInput = z.object({ id: z.uuid() });

// Length and the common-password check are applied by the service (NIST rules). A lone
// surrogate would be hashed as U+FFFD, so two different passwords would match.
const newPassword = text('The new password').max(PASSWORD_MAX_LENGTH * 4);
// Ours (43 base64url characters) or Supabase Auth's token hashes (56 hex, maybe `pkce_`).
const emailToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'not a valid link');

export const changePasswordInput = z.object({ currentPassword, newPassword });

export const verifyEmailInput = z.object({
  token: emailToken,
  // Supabase Auth's links say which kind they are; the built-in provider's tokens know.
  type: z.enum(['email', 'email_change']).optional(),
});

export const verifyEmailOutput = z.object({
  verified: z.literal(true),
  emailChanged: z.boolean(),
});

export const forgotPasswordInput = z.object({ email });

export const resetPasswordInput = z.object({
  token: emailToken,
  newPassword,
  // A reset assumes the account may be compromised: its API keys go too, unless declined.
  revokeApiKeys: z.boolean().default(true),
});

export const changeEmailInput = z.object({ newEmail: email, currentPassword });

export const requestSignInEmailInput = z.object({ email });

export const signInWithEmailLinkInput = z.object({
  token: emailToken,
  // Supabase Auth's links may name their kind; ours do not need to.
  type: z.enum(['email', 'magiclink']).optional(),
});

export const signInWithEmailCodeInput = z.object({
  email,
  // Six digits; spaces a person types or pastes between them are dropped.
  code: z
    .string()
    .max(20)
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'The code is the 6 digits from the email')),
});
