import { env } from '@/env';

// A route handler with no pipeline at all, inside this app, so `npm run bench` can
// show what the app's own setup (custom server, header rules, heap limit) costs next
// to a separate bare Next app. Off unless BENCH_BARE_ROUTE is set.
export const dynamic = 'force-dynamic';

export function GET() {
  if (!env.BENCH_BARE_ROUTE) return new Response(null, { status: 404 });
  return Response.json({ ok: true }, { headers: { 'x-request-id': crypto.randomUUID() } });
}
