import { env } from '@/env';

// The benchmark's baseline: a route handler with no pipeline at all, so `npm run
// bench` can state every other route as a ratio to what Next.js itself costs here.
// Off unless BENCH_BARE_ROUTE is set.
export const dynamic = 'force-dynamic';

export function GET() {
  if (!env.BENCH_BARE_ROUTE) return new Response(null, { status: 404 });
  return Response.json({ ok: true }, { headers: { 'x-request-id': crypto.randomUUID() } });
}
