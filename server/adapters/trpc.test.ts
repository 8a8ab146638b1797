import { describe, expect, it } from 'vitest';

import { testApi } from '@/test/helpers/api-client';

const { api } = testApi();

describe('tRPC adapter', () => {
  it('serves a query with the request id header', async () => {
    const response = await api.trpc('core.version');
    expect(response.status).toBe(200);
    expect((await response.json()).result.data.name).toBe('lean-saas');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('tells caches to keep nothing, as REST does', async () => {
    const response = await api.trpc('core.version');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('maps validation errors to 400 with the same codes and fields as REST', async () => {
    const response = await api.trpc('core.reportError', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'x', severity: 'nope', category: 'ui' }),
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toBe('Invalid input: severity');
    expect(error.data).toMatchObject({
      code: 'VALIDATION_FAILED',
      httpStatus: 400,
      details: { fields: [{ path: 'severity' }] },
    });
  });

  it('answers an unknown procedure with 404', async () => {
    const response = await api.trpc('core.nothing');
    expect(response.status).toBe(404);
    expect((await response.json()).error.data.code).toBe('NOT_FOUND');
  });

  it('runs batches', async () => {
    const response = await api.trpc('core.version,core.health?batch=1&input={}');
    expect(response.status).toBe(200);
    const [version, health] = await response.json();
    expect(version.result.data.name).toBe('lean-saas');
    expect(health.result.data.status).toBe('healthy');
  });
});
