import { request as httpRequest } from 'node:http';

import { expect, test } from '@playwright/test';

import { E2E_RATE_LIMIT_MULTIPLIER } from '../support/environment';
import { roomInWindow } from '../support/rate-limit-window';

type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/**
 * GET from another loopback address, so this caller has its own counter: the
 * server keys anonymous limits on the socket address it sees, whatever headers say.
 */
function getFrom(localAddress: string, url: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { localAddress, headers: { 'x-forwarded-for': '6.6.6.6' } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('past the anonymous limit, version answers 429 with Retry-After while health still answers', async ({
  baseURL,
}) => {
  const limit = 100 * E2E_RATE_LIMIT_MULTIPLIER;
  const from = '127.0.0.2';
  const replies: Reply[] = [];
  // All of it in one of the server's hourly windows (aligned to the epoch, on the
  // clock this runner shares), or the count starts over midway.
  await roomInWindow(3_600, 60_000);
  // Sequential batches of 25 concurrent requests: fast, without flooding the server.
  for (let sent = 0; sent < limit; sent += 25) {
    replies.push(
      ...(await Promise.all(
        Array.from({ length: 25 }, () => getFrom(from, `${baseURL}/api/v1/version`)),
      )),
    );
  }
  expect(replies.filter((reply) => reply.status === 200)).toHaveLength(limit);

  const refused = await getFrom(from, `${baseURL}/api/v1/version`);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.headers['ratelimit-remaining']).toBe('0');
  expect(JSON.parse(refused.body)).toMatchObject({
    success: false,
    error: { code: 'RATE_LIMITED' },
    requestId: refused.headers['x-request-id'],
  });

  const health = await getFrom(from, `${baseURL}/api/v1/health`);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body).data.status).toBe('healthy');

  // Another address is unaffected.
  expect((await getFrom('127.0.0.3', `${baseURL}/api/v1/version`)).status).toBe(200);
});
