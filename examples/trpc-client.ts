/**
 * Calls the Lean SaaS API from TypeScript with an API key, fully typed by the
 * server's AppRouter (a type-only import: nothing of the server is bundled).
 *
 *   LEAN_SAAS_URL=http://localhost:3000 LEAN_SAAS_API_KEY=sk_live_… npx tsx examples/trpc-client.ts
 *
 * The key needs the `profile:read` scope, and `api-keys:read` for the second call.
 */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

import type { AppRouter } from '../server/root';

const baseUrl = process.env.LEAN_SAAS_URL ?? 'http://localhost:3000';
const apiKey = process.env.LEAN_SAAS_API_KEY;
if (!apiKey) {
  console.error('Set LEAN_SAAS_API_KEY to a key from /dashboard/api-keys.');
  process.exit(2);
}

const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${baseUrl}/api/trpc`,
      // The server speaks superjson, so dates come back as Date objects.
      transformer: superjson,
      headers: { authorization: `Bearer ${apiKey}` },
    }),
  ],
});

const me = await api.me.get.query();
const keys = await api.apiKeys.list.query({ limit: 10 });
console.log(
  JSON.stringify({
    id: me.id,
    email: me.email,
    permissions: me.permissions,
    // createdAt is a Date here, as its type says (superjson on both ends).
    keys: keys.items.map((key) => ({
      name: key.name,
      status: key.status,
      created: key.createdAt.toISOString(),
    })),
  }),
);
