import { z } from 'zod';

import { ERROR_CODES, type PublicError } from './errors';

/** The REST envelope: every /api/v1 response body has this shape. */
export type SuccessEnvelope<T> = { success: true; data: T; timestamp: string; requestId: string };
export type ErrorEnvelope = {
  success: false;
  error: { code: string; message: string; details?: Record<string, unknown> };
  timestamp: string;
  requestId: string;
};

export function successBody<T>(data: T, requestId: string): SuccessEnvelope<T> {
  return { success: true, data, timestamp: new Date().toISOString(), requestId };
}

export function errorBody(error: PublicError, requestId: string): ErrorEnvelope {
  return {
    success: false,
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
    timestamp: new Date().toISOString(),
    requestId,
  };
}

export function jsonResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export function errorResponse(error: PublicError, requestId: string): Response {
  return jsonResponse(errorBody(error, requestId), error.status);
}

/** JSON Schema of the error envelope, for the OpenAPI document. */
export const errorEnvelopeSchema = z.toJSONSchema(
  z.object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
      message: z.string(),
      details: z
        .object({
          fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
        })
        .catchall(z.unknown())
        .optional(),
    }),
    timestamp: z.iso.datetime(),
    requestId: z.string(),
  }),
);
