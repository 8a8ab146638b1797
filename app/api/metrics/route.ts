import { handleMetricsRequest } from '@/server/core/prometheus';
import { env } from '@/env';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handleMetricsRequest(request, env.METRICS_TOKEN);
}
