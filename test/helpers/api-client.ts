import { afterAll, beforeAll } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/db/test-database';
import type { Database } from '@/db/types';
import { createRestHandler } from '@/server/adapters/rest';
import { createTrpcHandler } from '@/server/adapters/trpc';
import type { AuthProvider } from '@/server/auth/provider';
import type { Billing } from '@/server/billing/stripe-client';
import { deferredTasks } from '@/server/platform/background';
import type { AdapterDeps } from '@/server/trpc';

type ApiClientOptions = { auth?: () => AuthProvider; billing?: () => Billing | null };

/**
 * Calls the real REST and tRPC adapters (the same handlers the route files export)
 * in-process, on a test database. Work a request leaves for after its response
 * (mail, say) is done before the call returns, as a person would see it.
 */
export function apiClient(db: Database | (() => Database), options: ApiClientOptions = {}) {
  const background = deferredTasks();
  const deps: AdapterDeps = {
    getDb: async () => (typeof db === 'function' ? db() : db),
    get auth() {
      return options.auth?.();
    },
    billing: () => options.billing?.() ?? null,
    defer: background.defer,
  };
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
