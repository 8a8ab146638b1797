import { expect, test } from '@playwright/test';
import superjson from 'superjson';

import { METRICS_TOKEN } from '../support/environment';

test.describe('core API over HTTP', () => {
  test('GET /api/v1/health reports a healthy embedded stack', async ({ request }) => {
    const response = await request.get('/api/v1/health');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      success: true,
      data: { status: 'healthy', checks: { database: { status: 'ok' } } },
      requestId: response.headers()['x-request-id'],
    });
  });

  test('GET /api/v1/version and the tRPC procedure agree', async ({ request }) => {
    const rest = await (await request.get('/api/v1/version')).json();
    const trpc = await (await request.get('/api/trpc/core.version')).json();
    // tRPC answers in superjson's format (server/trpc.ts); REST in plain JSON.
    expect(rest.data).toEqual(superjson.deserialize(trpc.result.data));
    expect(rest.data.name).toBe('lean-saas');
  });

  test('POST /api/v1/errors: 400 naming the field, then 201', async ({ request }) => {
    const bad = await request.post('/api/v1/errors', {
      data: { message: 'Broken', severity: 'catastrophic', category: 'ui' },
    });
    expect(bad.status()).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error.code).toBe('VALIDATION_FAILED');
    expect(badBody.error.details.fields).toEqual([expect.objectContaining({ path: 'severity' })]);

    const good = await request.post('/api/v1/errors', {
      data: { message: 'Broken', severity: 'low', category: 'ui' },
    });
    expect(good.status()).toBe(201);
  });

  test('GET /api/openapi.json is an OpenAPI 3.1 document of the REST API', async ({ request }) => {
    const response = await request.get('/api/openapi.json');
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/version', '/errors']),
    );
    expect(document.components.schemas.ErrorEnvelope).toBeDefined();
  });

  test('GET /api/metrics needs the bearer token', async ({ request }) => {
    expect((await request.get('/api/metrics')).status()).toBe(401);
    const wrong = await request.get('/api/metrics', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status()).toBe(401);

    await request.get('/api/v1/version');
    const response = await request.get('/api/metrics', {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain(
      'http_requests_total{method="GET",route="GET /api/v1/version",status="200"}',
    );
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toMatch(/^db_latency_seconds 0\.\d+/m);
  });
});

test.describe('request id and security headers', () => {
  const expectSecurityHeaders = (headers: Record<string, string>) => {
    expect(headers['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['x-xss-protection']).toBe('0');
    expect(headers['x-powered-by']).toBeUndefined();
  };

  test('API responses lock everything down and echo a well-formed request id', async ({
    request,
  }) => {
    const response = await request.get('/api/v1/version', {
      headers: { 'x-request-id': 'e2e-req-0001' },
    });
    const headers = response.headers();
    expectSecurityHeaders(headers);
    expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers['x-request-id']).toBe('e2e-req-0001');
    expect((await response.json()).requestId).toBe('e2e-req-0001');
  });

  test("Next's own redirects (a trailing slash) carry them too", async ({ request }) => {
    for (const path of ['/pricing/', '/dashboard/']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(308);
      expectSecurityHeaders(response.headers());
    }
  });

  test('a malformed request id is replaced', async ({ request }) => {
    const response = await request.get('/api/v1/version', { headers: { 'x-request-id': 'no' } });
    expect(response.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('pages get a nonce-based CSP and a request id', async ({ request }) => {
    const first = await request.get('/');
    const second = await request.get('/');
    const headers = first.headers();
    expectSecurityHeaders(headers);
    const nonce = headers['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(second.headers()['content-security-policy']).not.toContain(nonce!);
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(headers['x-request-id']).toBeTruthy();
  });
});
