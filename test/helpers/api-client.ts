import superjson from 'superjson';
import { afterAll, beforeAll } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import type { Database } from '@/db/types';
import { createRestHandler } from '@/server/adapters/rest';
import { createTrpcHandler } from '@/server/adapters/trpc';
import type { AuthProvider } from '@/server/auth/provider';
import type { Billing } from '@/server/billing/stripe-client';
import { deferredTasks } from '@/server/platform/http/background';
import { pipelineDeps } from '@/server/pipeline-deps';

type ApiClientOptions = { auth?: () => AuthProvider; billing?: () => Billing | null };

/**
 * Calls the real REST and tRPC adapters (the same handlers the route files export)
 * in-process, on a test database. Work a request leaves for after its response
 * (mail, say) is done before the call returns, as a person would see it.
 */
export function apiClient(db: Database | (() => Database), options: ApiClientOptions = {}) {
  const background = deferredTasks();
  const defaults = pipelineDeps();
  const deps = pipelineDeps({
    getDb: async () => (typeof db === 'function' ? db() : db),
    // Read per request, so a test can switch provider between calls.
    auth: async () => options.auth?.() ?? defaults.auth(),
    billing: () => options.billing?.() ?? null,
    defer: background.defer,
  });
  const settled =
    (handler: (request: Request) => Promise<Response>) => async (request: Request) => {
      const response = await handler(request);
      await background.drain();
      return response;
    };
  const rest = settled(createRestHandler(deps));
  const trpc = settled(createTrpcHandler(deps));
  const origin = 'http://localhost';
  return {
    rest: (path: string, init?: RequestInit) => rest(new Request(`${origin}/api/v1${path}`, init)),
    trpc: (path: string, init?: RequestInit) =>
      trpc(new Request(`${origin}/api/trpc/${path}`, init)),
    /** A tRPC mutation as a real client sends it: the input in superjson's format. */
    postTrpc: (path: string, input: unknown, headers: Record<string, string> = {}) =>
      trpc(
        new Request(`${origin}/api/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(superjson.serialize(input)),
        }),
      ),
    postJson: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      rest(
        new Request(`${origin}/api/v1${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    sendJson: (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      rest(
        new Request(`${origin}/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
      ),
  };
}

type TrpcItem = { result?: { data: unknown }; error?: unknown };
const decoded = (item: TrpcItem) =>
  item.error === undefined
    ? { result: { data: superjson.deserialize(item.result!.data as never) } }
    : { error: superjson.deserialize(item.error as never) };

/**
 * A tRPC response body read as a real client reads it: results and errors are in
 * superjson's format (server/trpc.ts), so Dates come back as Dates. A batch is an array.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk untyped bodies
export async function trpcBody(response: Response): Promise<any> {
  const body = (await response.json()) as TrpcItem | TrpcItem[];
  return Array.isArray(body) ? body.map(decoded) : decoded(body);
}

/**
 * A fresh test database for this file (created before its tests, dropped after)
 * and an API client on it.
 */
export function testApi(options: ApiClientOptions = {}) {
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb?.close());
  const db = () => testDb!.db;
  return { db, api: apiClient(db, options) };
}
