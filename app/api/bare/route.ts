// The benchmark's baseline: a route handler with no pipeline at all, so `npm run
// bench` can state every other route as a ratio to what Next.js itself costs here.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true }, { headers: { 'x-request-id': crypto.randomUUID() } });
}
