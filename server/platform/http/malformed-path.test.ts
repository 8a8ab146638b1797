import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import nextConfig from '@/next.config';

import { malformedPathResponse } from './malformed-path';
import {
  hasMalformedPath,
  MALFORMED_PATH_ROUTE,
  rewriteMalformedPath,
} from './malformed-path-guard.mjs';

const lines = vi.hoisted(() => [] as string[]);
vi.mock('@/server/platform/observability/logger', async (importOriginal) => {
  const { loggerInto } = await import('@/test/helpers/captured-logs');
  return loggerInto(await importOriginal(), lines, 'info');
});

const BROKEN = ['/api/v1/%ff', '/api/v1/%ED%A0%80', '/dashboard/%ff', '/%', '/a/%zz?x=1'];

describe('hasMalformedPath', () => {
  it('flags paths that do not percent-decode, and only those', () => {
    for (const path of BROKEN) expect(hasMalformedPath(path), path).toBe(true);
    for (const path of ['/', '/api/v1/me', '/caf%C3%A9', '/a%2Fb', '/api/v1/x?q=%ff', '*']) {
      expect(hasMalformedPath(path), path).toBe(false);
    }
  });
});

describe('rewriteMalformedPath', () => {
  it('points a malformed request at the 400 route, keeping the path for the log', () => {
    const request = { url: '/api/v1/%ff?limit=1' };
    expect(rewriteMalformedPath(request)).toBe(true);
    expect(request.url).toBe('/api/malformed-path?path=%2Fapi%2Fv1%2F%25ff');
    const fine = { url: '/api/v1/me' };
    expect(rewriteMalformedPath(fine)).toBe(false);
    expect(fine.url).toBe('/api/v1/me');
  });
});

/** What Next.js does with the rewritten request, in short: route it to our handler. */
const rewritten = (path: string) => {
  const request = { url: path };
  rewriteMalformedPath(request);
  return new Request(`http://localhost${request.url}`, {
    headers: { 'x-request-id': 'malformed-1234' },
  });
};

describe('malformedPathResponse', () => {
  it('answers an API path with a 400 envelope and the request id, and logs it once', async () => {
    lines.length = 0;
    const response = await malformedPathResponse(rewritten('/api/v1/%ED%A0%80'));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('malformed-1234');
    expect(await response.json()).toMatchObject({
      success: false,
      error: { code: 'BAD_REQUEST', message: 'The address is not validly percent-encoded.' },
      requestId: 'malformed-1234',
    });
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      status: 400,
      route: 'malformed path',
      path: '/api/v1/%ED%A0%80',
      requestId: 'malformed-1234',
    });
  });

  it('answers a page path with a plain 400 page', async () => {
    const response = await malformedPathResponse(rewritten('/dashboard/%ff'));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('not validly percent-encoded');
  });

  it('is covered by the security headers next.config.ts puts on every API route', async () => {
    const rules = (await nextConfig.headers!()).map((rule) => rule.source);
    expect(rules).toEqual(expect.arrayContaining(['/:path*', '/api/:path*']));
    expect(MALFORMED_PATH_ROUTE.startsWith('/api/')).toBe(true);
  });
});

describe('over real HTTP', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    // server.mjs's callback, with this route standing in for Next.js's router.
    server = createServer(async (incoming, outgoing) => {
      rewriteMalformedPath(incoming);
      const url = new URL(incoming.url!, 'http://localhost');
      const response =
        url.pathname === MALFORMED_PATH_ROUTE
          ? await malformedPathResponse(new Request(url))
          : new Response(decodeURIComponent(url.pathname));
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(await response.text());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      })
        .on('error', reject)
        .end();
    });

  it('gives every broken path a 400, and lets good ones through untouched', async () => {
    for (const path of BROKEN) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
    }
    expect(JSON.parse((await get('/api/v1/%ff')).body).error.code).toBe('BAD_REQUEST');
    expect(await get('/caf%C3%A9')).toEqual({ status: 200, body: '/café' });
  });
});
