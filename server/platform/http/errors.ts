import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

import { isDatabaseUnavailable } from '@/db/pg-error';

/**
 * The one error vocabulary of the API. Each code maps once to a tRPC code, which
 * fixes the HTTP status for both the tRPC and the REST adapter; `status` restates
 * tRPC's status for that code (a test holds the two equal) for the REST envelope
 * and the OpenAPI document.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { trpc: 'BAD_REQUEST', status: 400 },
  BAD_REQUEST: { trpc: 'BAD_REQUEST', status: 400 },
  UNAUTHORIZED: { trpc: 'UNAUTHORIZED', status: 401 },
  // A session whose account has two-factor authentication, before its second factor.
  SECOND_FACTOR_REQUIRED: { trpc: 'UNAUTHORIZED', status: 401 },
  PAYMENT_REQUIRED: { trpc: 'PAYMENT_REQUIRED', status: 402 },
  FORBIDDEN: { trpc: 'FORBIDDEN', status: 403 },
  // A sensitive action, without a recent second factor: verify a code, then retry.
  STEP_UP_REQUIRED: { trpc: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { trpc: 'NOT_FOUND', status: 404 },
  METHOD_NOT_ALLOWED: { trpc: 'METHOD_NOT_SUPPORTED', status: 405 },
  TIMEOUT: { trpc: 'TIMEOUT', status: 408 },
  CONFLICT: { trpc: 'CONFLICT', status: 409 },
  PRECONDITION_FAILED: { trpc: 'PRECONDITION_FAILED', status: 412 },
  PAYLOAD_TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  UNPROCESSABLE: { trpc: 'UNPROCESSABLE_CONTENT', status: 422 },
  RATE_LIMITED: { trpc: 'TOO_MANY_REQUESTS', status: 429 },
  CLIENT_CLOSED_REQUEST: { trpc: 'CLIENT_CLOSED_REQUEST', status: 499 },
  INTERNAL: { trpc: 'INTERNAL_SERVER_ERROR', status: 500 },
  NOT_IMPLEMENTED: { trpc: 'NOT_IMPLEMENTED', status: 501 },
  BAD_GATEWAY: { trpc: 'BAD_GATEWAY', status: 502 },
  UNAVAILABLE: { trpc: 'SERVICE_UNAVAILABLE', status: 503 },
  GATEWAY_TIMEOUT: { trpc: 'GATEWAY_TIMEOUT', status: 504 },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; status: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A message a person reads, by its key in the `errors` messages (server/i18n), with
 * the values it names and its English text (what logs and tests see). The adapters
 * answer in the caller's language (Accept-Language); the code never changes with it.
 */
export type Words = { key: string; values?: Record<string, string | number>; text: string };
/** Words in one language: the request's, chosen by the adapter. */
export type Translate = (words: Words) => string;
const inEnglish: Translate = (words) => words.text;

/** The platform's own messages; server/i18n's `errors.platform` holds them (a test compares). */
export const PLATFORM_WORDS = {
  internal: 'Something went wrong on our side.',
  databaseUnavailable: 'The service is briefly unavailable. Try again in a few seconds.',
  invalidInput: 'Invalid input: {fields}',
  rateLimited: 'Too many requests. Retry in {seconds} s.',
  limitUnavailable: 'This action is briefly unavailable. Try again shortly.',
  invalidCursor: 'The cursor is not valid: pass nextCursor from the previous page.',
  crossSite: 'Cross-site requests are not accepted.',
  notWhileImpersonating:
    'While viewing as this user, you cannot change how they sign in (password, email, passkeys, two-factor, connected accounts, sessions), their billing, or create API keys or invitations.',
  signInRequired: 'Sign in or send an API key to call this.',
  permissionNeeded: 'This needs the {permission} permission.',
  secondFactorRequired: 'Enter the code from your authenticator app to finish signing in.',
  stepUpRequired: 'Confirm it is you: enter a code from your authenticator app.',
  adminTwoFactorRequired:
    'The admin area needs two-factor authentication: turn it on in your profile first.',
  billingNotConfigured:
    'Billing is not configured: set STRIPE_SECRET_KEY, or start the app with npm start / npm run dev, which run the local Stripe emulator.',
} as const;

/** One of PLATFORM_WORDS, with its values put in. */
export function platformWords(
  key: keyof typeof PLATFORM_WORDS,
  values: Record<string, string | number> = {},
): Words {
  const text = PLATFORM_WORDS[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
  return { key: `platform.${key}`, values, text };
}

export const INTERNAL_ERROR_MESSAGE = PLATFORM_WORDS.internal;
export const DATABASE_UNAVAILABLE_MESSAGE = PLATFORM_WORDS.databaseUnavailable;

export type FieldError = { path: string; message: string };
export type PublicError = {
  code: ErrorCode;
  message: string;
  status: number;
  details?: { fields?: FieldError[] } & Record<string, unknown>;
};
/** As PublicError's details, with messages that may still be words to translate. */
export type ErrorDetails = { fields?: { path: string; message: string | Words }[] } & Record<
  string,
  unknown
>;

/** Throw this from services: it carries our code, and tRPC maps it to its status. */
export class AppError extends TRPCError {
  readonly appCode: ErrorCode;
  readonly details?: ErrorDetails;
  /** The message as words, when it was given so: then it follows the caller's language. */
  readonly words?: Words;
  /** The caller's language, set when the error came before the request had a context. */
  language?: Translate;

  constructor(
    code: ErrorCode,
    message: string | Words,
    details?: ErrorDetails,
    /** What went wrong underneath, for the server log only. */
    cause?: unknown,
  ) {
    const words = typeof message === 'string' ? undefined : message;
    super({ code: ERROR_CODES[code].trpc, message: words?.text ?? (message as string), cause });
    this.appCode = code;
    this.details = details;
    this.words = words;
  }
}

/** Details as a client sees them: every field message in the caller's language. */
function translatedDetails(
  details: ErrorDetails | undefined,
  translate: Translate,
): PublicError['details'] {
  if (!details?.fields) return details as PublicError['details'];
  const fields = details.fields.map(({ path, message }) => ({
    path,
    message: typeof message === 'string' ? message : translate(message),
  }));
  return { ...details, fields };
}

export function publicError(code: ErrorCode, message: string, details?: PublicError['details']) {
  return { code, message, status: ERROR_CODES[code].status, details } satisfies PublicError;
}

const CODE_BY_TRPC = new Map<string, ErrorCode>(
  Object.entries(ERROR_CODES)
    .filter(([code]) => code !== 'VALIDATION_FAILED')
    .map(([code, { trpc }]) => [trpc, code as ErrorCode]),
);
CODE_BY_TRPC.set('PARSE_ERROR', 'BAD_REQUEST');

// A path segment that is not a plain identifier came from the client (a record
// key, say) and is masked rather than reflected.
const SAFE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path:
      issue.path
        .map((segment) =>
          typeof segment === 'number' || SAFE_SEGMENT.test(String(segment)) ? String(segment) : '*',
        )
        .join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * What a client may see of an error. Expected errors keep their message; anything
 * unexpected becomes a generic 500 whose details stay in the log.
 */
export function toPublicError(error: TRPCError, translate: Translate = inEnglish): PublicError {
  const internal = () => publicError('INTERNAL', translate(platformWords('internal')));
  if (error instanceof AppError) {
    if (error.appCode === 'INTERNAL') return internal();
    const message = error.words ? translate(error.words) : error.message;
    return publicError(error.appCode, message, translatedDetails(error.details, translate));
  }
  // Only a failed *input* parse is the caller's fault; a ZodError behind any other
  // code (e.g. output validation) is our bug.
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    const fields = fieldErrorsOf(error.cause);
    const names = [...new Set(fields.map((field) => field.path))].join(', ');
    return publicError(
      'VALIDATION_FAILED',
      translate(platformWords('invalidInput', { fields: names })),
      {
        fields,
      },
    );
  }
  const code = CODE_BY_TRPC.get(error.code) ?? 'INTERNAL';
  // A database outage is not our bug: the client may retry, and a load balancer
  // should route around us, so it is a 503 (without the driver's message).
  if (code === 'INTERNAL' && isDatabaseUnavailable(error.cause)) {
    return publicError('UNAVAILABLE', translate(platformWords('databaseUnavailable')));
  }
  if (code === 'INTERNAL') return internal();
  return publicError(code, error.message);
}

/** Server-side failures: logged once with their details, and recorded. */
export function isServerFault(error: TRPCError): boolean {
  return toPublicError(error).status >= 500;
}
