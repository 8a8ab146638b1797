import { describe, expect, it } from 'vitest';

import { asNewCaller } from '@/test/helpers/accounts';
import { testApi, trpcBody } from '@/test/helpers/api-client';

const { api } = testApi();

describe('tRPC adapter', () => {
  it('serves a query with the request id header', async () => {
    const response = await api.trpc('core.version');
    expect(response.status).toBe(200);
    expect((await trpcBody(response)).result.data.name).toBe('lean-saas');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('tells caches to keep nothing, as REST does', async () => {
    const response = await api.trpc('core.version');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('maps validation errors to 400 with the same codes and fields as REST', async () => {
    const response = await api.postTrpc('core.reportError', {
      message: 'x',
      severity: 'nope',
      category: 'ui',
    });
    expect(response.status).toBe(400);
    const { error } = await trpcBody(response);
    expect(error.message).toBe('Invalid input: severity');
    expect(error.data).toMatchObject({
      code: 'VALIDATION_FAILED',
      httpStatus: 400,
      details: { fields: [{ path: 'severity' }] },
    });
  });

  it("refuses input that is not in superjson's format with 400, never a 5xx", async () => {
    const report = { message: 'x', severity: 'low', category: 'ui' };
    const bodies = [
      'null',
      JSON.stringify(report), // plain JSON, as before the transformer: no `json` key
      JSON.stringify({ json: report, meta: { values: { message: ['no-such-type'] } } }),
      JSON.stringify({ json: report, meta: { values: { '__proto__.polluted': ['Date'] } } }),
      JSON.stringify({ json: report, meta: { values: 'junk' } }),
      // Only dates and undefined fields; no bigint, Map, Set, RegExp or Error.
      JSON.stringify({
        json: { ...report, metadata: { a: '1' } },
        meta: { values: { 'metadata.a': ['bigint'] } },
      }),
      JSON.stringify({
        json: { ...report, metadata: { a: [] } },
        meta: { values: { 'metadata.a': ['map'] } },
      }),
    ];
    for (const body of bodies) {
      const response = await api.trpc('core.reportError', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...asNewCaller() },
        body,
      });
      expect(response.status, body).toBe(400);
      const { error } = await trpcBody(response);
      expect(error.data.httpStatus, body).toBe(400);
      // In words, never a library's TypeError.
      expect(error.message, body).not.toMatch(/destructure|undefined|null|TypeError/i);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes one Date used twice (superjson marks the second as the first), as our client sends it', async () => {
    const sameDate = new Date('2026-01-02T03:04:05.000Z');
    const response = await api.postTrpc(
      'core.reportError',
      {
        message: 'x',
        severity: 'low',
        category: 'ui',
        metadata: { firstSeen: sameDate, lastSeen: sameDate },
      },
      asNewCaller(),
    );
    expect(response.status).toBe(200);
  });

  it('refuses shared references in input at once: a few KB of them would be a graph with 2^40 paths', async () => {
    // Each level makes `a` and `b` one object, so the input would double at every level.
    const referentialEqualities: Record<string, string[]> = {};
    let path = 'metadata';
    let json: Record<string, unknown> = { a: {}, b: {} };
    const metadata = json;
    for (let depth = 0; depth < 40; depth++) {
      referentialEqualities[`${path}.a`] = [`${path}.b`];
      const next = { a: {}, b: {} };
      json.a = next;
      json = next;
      path += '.a';
    }
    const body = JSON.stringify({
      json: { message: 'x', severity: 'low', category: 'ui', metadata },
      meta: { referentialEqualities },
    });
    // Without the refusal, validating the input would not end before the test's timeout.
    const response = await api.trpc('core.reportError', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asNewCaller() },
      body,
    });
    expect(response.status).toBe(400);
  });

  it('answers an unknown procedure with 404', async () => {
    const response = await api.trpc('core.nothing');
    expect(response.status).toBe(404);
    expect((await trpcBody(response)).error.data.code).toBe('NOT_FOUND');
  });

  it('runs batches', async () => {
    const response = await api.trpc('core.version,core.health?batch=1&input={}');
    expect(response.status).toBe(200);
    const [version, health] = await trpcBody(response);
    expect(version.result.data.name).toBe('lean-saas');
    expect(health.result.data.status).toBe('healthy');
  });
});
