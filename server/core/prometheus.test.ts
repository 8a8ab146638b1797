import { describe, expect, it } from 'vitest';

import { recordRequest } from '@/server/platform/observability/metrics';

import { handleMetricsRequest } from './prometheus';

const TOKEN = 'a-metrics-token-of-some-length';
const scrape = (authorization?: string, token: string | undefined = TOKEN) =>
  handleMetricsRequest(
    new Request('http://localhost/api/metrics', {
      headers: authorization ? { authorization } : {},
    }),
    token,
  );

describe('GET /api/metrics', () => {
  it('does not exist when no token is configured', async () => {
    const response = await handleMetricsRequest(
      new Request('http://localhost/api/metrics', {
        headers: { authorization: `Bearer ${TOKEN}` },
      }),
      undefined,
    );
    expect(response.status).toBe(404);
  });

  it('refuses a missing or wrong token', async () => {
    expect((await scrape()).status).toBe(401);
    const wrong = await scrape('Bearer not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(await wrong.text()).not.toContain(TOKEN);
  });

  it('serves Prometheus text with the request metrics to the right token', async () => {
    recordRequest('GET', 'GET /api/v1/prometheus-test', 200, 0.012);
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain(
      'http_requests_total{method="GET",route="GET /api/v1/prometheus-test",status="200"} 1',
    );
    expect(text).toMatch(
      /http_request_duration_seconds\{quantile="0.99",route="GET \/api\/v1\/prometheus-test"\} 0.012/,
    );
  });
});
