import { z } from 'zod';

/**
 * An instant in a procedure's output: a Date to tRPC clients (superjson keeps it,
 * server/trpc.ts) and an ISO-8601 string over REST (plain JSON), which the OpenAPI
 * document must say: without the format it would read as any string.
 */
export const dateTime = () => z.date().meta({ format: 'date-time' });
