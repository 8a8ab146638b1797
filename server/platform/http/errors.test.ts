import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { AppError, ERROR_CODES, INTERNAL_ERROR_MESSAGE, toPublicError } from './errors';

describe('error mapping', () => {
  it.each(Object.entries(ERROR_CODES))('maps %s to the status tRPC sends', (code, entry) => {
    const error = new AppError(code as keyof typeof ERROR_CODES, 'because');
    expect(error.code).toBe(entry.trpc);
    expect(getHTTPStatusCodeFromError(error)).toBe(entry.status);
    expect(toPublicError(error)).toMatchObject({ code, status: entry.status });
    expect(toPublicError(error).message).toBe(
      code === 'INTERNAL' ? INTERNAL_ERROR_MESSAGE : 'because',
    );
  });

  it("treats a failed output validation as our fault, not the caller's", () => {
    const parsed = z.object({ secretField: z.string() }).safeParse({});
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: parsed.error });
    expect(toPublicError(error)).toEqual({
      code: 'INTERNAL',
      status: 500,
      message: INTERNAL_ERROR_MESSAGE,
    });
  });

  it('masks client-chosen keys in field paths instead of reflecting them', () => {
    const parsed = z
      .object({ metadata: z.record(z.string().max(3), z.unknown()) })
      .safeParse({ metadata: { '<script>alert(1)</script>': 1 } });
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    const text = JSON.stringify(toPublicError(error));
    expect(text).not.toContain('<script>');
    expect(toPublicError(error).details?.fields?.[0]?.path).toMatch(/^metadata(\.\*)?$/);
  });

  it('turns a zod failure into 400 with the fields at fault', () => {
    const parsed = z
      .object({ severity: z.enum(['low']), nested: z.object({ n: z.number() }) })
      .safeParse({
        severity: 'bad',
        nested: { n: 'x' },
      });
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    const publicError = toPublicError(error);
    expect(publicError).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(publicError.message).toBe('Invalid input: severity, nested.n');
    expect(publicError.details?.fields?.map((field) => field.path)).toEqual([
      'severity',
      'nested.n',
    ]);
  });

  it('hides the details of anything unexpected', () => {
    const error = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'password authentication failed for user "admin"',
      cause: new Error('connect ECONNREFUSED 10.0.0.5:5432'),
    });
    expect(toPublicError(error)).toEqual({
      code: 'INTERNAL',
      status: 500,
      message: INTERNAL_ERROR_MESSAGE,
    });
  });

  it('maps tRPC codes raised by the framework itself', () => {
    expect(toPublicError(new TRPCError({ code: 'NOT_FOUND', message: 'Not found' }))).toMatchObject(
      {
        code: 'NOT_FOUND',
        status: 404,
      },
    );
    expect(
      toPublicError(new TRPCError({ code: 'PARSE_ERROR', message: 'bad json' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
    });
    expect(toPublicError(new TRPCError({ code: 'TOO_MANY_REQUESTS' }))).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
    });
  });
});
