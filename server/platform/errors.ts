import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

/**
 * The one error vocabulary of the API. Each code maps once to a tRPC code (which
 * fixes the HTTP status for both the tRPC and the REST adapter) and to a status we
 * document in the OpenAPI file.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { trpc: 'BAD_REQUEST', status: 400 },
  BAD_REQUEST: { trpc: 'BAD_REQUEST', status: 400 },
  UNAUTHORIZED: { trpc: 'UNAUTHORIZED', status: 401 },
  FORBIDDEN: { trpc: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { trpc: 'NOT_FOUND', status: 404 },
  METHOD_NOT_ALLOWED: { trpc: 'METHOD_NOT_SUPPORTED', status: 405 },
  CONFLICT: { trpc: 'CONFLICT', status: 409 },
  PAYLOAD_TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  RATE_LIMITED: { trpc: 'TOO_MANY_REQUESTS', status: 429 },
  INTERNAL: { trpc: 'INTERNAL_SERVER_ERROR', status: 500 },
  UNAVAILABLE: { trpc: 'SERVICE_UNAVAILABLE', status: 503 },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; status: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side.';

export type FieldError = { path: string; message: string };
export type PublicError = {
  code: ErrorCode;
  message: string;
  status: number;
  details?: { fields?: FieldError[] } & Record<string, unknown>;
};

/** Throw this from services: it carries our code, and tRPC maps it to its status. */
export class AppError extends TRPCError {
  readonly appCode: ErrorCode;
  readonly details?: PublicError['details'];

  constructor(code: ErrorCode, message: string, details?: PublicError['details']) {
    super({ code: ERROR_CODES[code].trpc, message });
    this.appCode = code;
    this.details = details;
  }
}

const CODE_BY_TRPC = new Map<string, ErrorCode>(
  Object.entries(ERROR_CODES)
    .filter(([code]) => code !== 'VALIDATION_FAILED')
    .map(([code, { trpc }]) => [trpc, code as ErrorCode]),
);
CODE_BY_TRPC.set('PARSE_ERROR', 'BAD_REQUEST');

export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * What a client may see of an error. Expected errors keep their message; anything
 * unexpected becomes a generic 500 whose details stay in the log.
 */
export function toPublicError(error: TRPCError): PublicError {
  if (error instanceof AppError) {
    return {
      code: error.appCode,
      message: error.message,
      status: ERROR_CODES[error.appCode].status,
      details: error.details,
    };
  }
  if (error.cause instanceof ZodError) {
    const fields = fieldErrorsOf(error.cause);
    const names = [...new Set(fields.map((field) => field.path))].join(', ');
    return {
      code: 'VALIDATION_FAILED',
      message: `Invalid input: ${names}`,
      status: 400,
      details: { fields },
    };
  }
  const code = CODE_BY_TRPC.get(error.code) ?? 'INTERNAL';
  if (code === 'INTERNAL') {
    return { code, message: INTERNAL_ERROR_MESSAGE, status: 500 };
  }
  return { code, message: error.message, status: ERROR_CODES[code].status };
}

export function isUnexpected(error: TRPCError): boolean {
  return toPublicError(error).status >= 500 && !(error instanceof AppError);
}
