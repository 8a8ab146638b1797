/**
 * Calls the Lean SaaS API from TypeScript with an organization's API key, fully typed
 * by the server's AppRouter (a type-only import: nothing of the server is bundled).
 *
 *   LEAN_SAAS_URL=http://localhost:3000 LEAN_SAAS_API_KEY=sk_live_… npx tsx examples/trpc-client.ts
 *
 * Make the key on the organization's page (Dashboard → Organizations) with the
 * `members:read` scope, and `api-keys:read` for the second call.
 */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

import type { AppRouter } from '../server/root';

const baseUrl = process.env.LEAN_SAAS_URL ?? 'http://localhost:3000';
const apiKey = process.env.LEAN_SAAS_API_KEY;
if (!apiKey) {
  console.error("Set LEAN_SAAS_API_KEY to a key from an organization's page in the dashboard.");
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

// A key acts in one organization; /me says which.
const me = await api.me.get.query();
if (!me.organization) throw new Error('Only API keys act in an organization.');
const organizationId = me.organization.id;
const [members, keys] = await Promise.all([
  api.organizations.members.query({ organizationId }),
  api.organizations.apiKeys.query({ organizationId, limit: 10 }),
]);
console.log(
  JSON.stringify({
    organization: me.organization.name,
    role: me.organization.role,
    members: members.items.map((member) => ({ email: member.email, role: member.role })),
    // createdAt is a Date here, as its type says (superjson on both ends).
    keys: keys.items.map((key) => ({
      name: key.name,
      status: key.status,
      created: key.createdAt.toISOString(),
    })),
  }),
);
