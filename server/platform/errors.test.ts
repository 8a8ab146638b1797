import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { AppError, ERROR_CODES, INTERNAL_ERROR_MESSAGE, toPublicError } from './errors';

describe('error mapping', () => {
  it.each(Object.entries(ERROR_CODES))('maps %s to its status through AppError', (code, entry) => {
    const error = new AppError(code as keyof typeof ERROR_CODES, 'because');
    expect(error.code).toBe(entry.trpc);
    expect(toPublicError(error)).toMatchObject({ code, status: entry.status, message: 'because' });
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
