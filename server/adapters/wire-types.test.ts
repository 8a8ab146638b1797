import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppRouter } from '@/server/root';
import { asNewCaller, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';

// The app's two adapters behind a real HTTP server, so the tRPC client below talks
// to them as the browser and the typed-client example do.
const { api, db } = testApi();
let server: Server;
let origin: string;

async function serve(incoming: IncomingMessage, outgoing: ServerResponse) {
  const request = incomingMessageToRequest(incoming, outgoing, { maxBodySize: null });
  const path = new URL(request.url).pathname;
  const response = path.startsWith('/api/trpc/')
    ? await api.trpc(path.slice('/api/trpc/'.length) + new URL(request.url).search, request)
    : await api.rest(path.slice('/api/v1'.length) + new URL(request.url).search, request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  server = createServer((incoming, outgoing) => void serve(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function signedIn() {
  const headers = asNewCaller();
  const user = await signedInUser(api, db(), { headers });
  return { ...headers, cookie: user.cookie };
}

const clientFor = (headers: Record<string, string>) =>
  createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${origin}/api/trpc`, transformer: superjson, headers })],
  });

describe('types on the wire', () => {
  it('a tRPC client gets Dates back, and REST the same instants as ISO-8601 strings', async () => {
    const headers = await signedIn();
    const client = clientFor(headers);
    const expiresAt = new Date(Date.now() + 7 * 86_400_000);

    // A Date goes up as a Date too (superjson), and comes back unchanged.
    const created = await client.apiKeys.create.mutate({
      name: 'wire',
      scopes: ['profile:read'],
      expiresAt,
    });
    expect(created.apiKey.createdAt).toBeInstanceOf(Date);
    expect(created.apiKey.expiresAt).toEqual(expiresAt);

    const [viaTrpc] = (await client.apiKeys.list.query({ limit: 10 })).items;
    expect(viaTrpc!.createdAt).toBeInstanceOf(Date);
    expect(viaTrpc!.lastUsedAt).toBeNull();

    const rest = await fetch(`${origin}/api/v1/api-keys?limit=10`, { headers });
    expect(rest.status).toBe(200);
    const [viaRest] = (await rest.json()).data.items;
    expect(viaRest.createdAt).toBe(viaTrpc!.createdAt.toISOString());
    expect(viaRest.expiresAt).toBe(expiresAt.toISOString());
    expect(viaRest.lastUsedAt).toBeNull();
  });

  it("a tRPC client's errors carry the router's shape (code, status, fields)", async () => {
    const client = clientFor(await signedIn());
    const failure = await client.apiKeys.create
      .mutate({ name: 'wire', scopes: ['profile:read'], expiresAt: new Date(0) })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TRPCClientError);
    expect((failure as TRPCClientError<AppRouter>).data).toMatchObject({
      code: 'VALIDATION_FAILED',
      httpStatus: 400,
      details: { fields: [{ path: 'expiresAt' }] },
    });
  });
});
