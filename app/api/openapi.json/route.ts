import { getOpenApiDocument } from '@/server/adapters/openapi';
import { runApiRequest } from '@/server/platform/http/request-scope';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return runApiRequest(request, 'GET /api/openapi.json', async () =>
    Response.json(getOpenApiDocument()),
  );
}
