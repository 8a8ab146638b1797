import type { IncomingMessage, ServerResponse } from 'node:http';

import qs from 'qs';

import type { Params } from './params';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** The request body as text; refuses more than 1 MiB (nothing legitimate comes near). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Stripe's form encoding (`line_items[0][price]=…`, `expand[]=…`). Null-prototype
 * objects make keys like `constructor` ordinary data; the limits are generous for
 * real requests yet bound the work a hostile one can cause.
 */
export const parseForm = (text: string): Params =>
  qs.parse(text, { arrayLimit: 1000, depth: 10, parameterLimit: 10_000, plainObjects: true });

/**
 * `Authorization: Bearer sk_test_…` (what the SDK sends), or HTTP Basic with the key as
 * user name (what `curl -u sk_test_…:` sends). Any test key is accepted.
 */
export function hasTestKey(header: string | undefined): boolean {
  if (!header) return false;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value.startsWith('sk_test_');
  if (scheme?.toLowerCase() === 'basic') {
    return Buffer.from(value, 'base64').toString('utf8').startsWith('sk_test_');
  }
  return false;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache, no-store',
    ...headers,
  });
  response.end(text);
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    // The pages are self-contained: no scripts, no outside resources.
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  response.end(html);
}

/** 303: after a form POST the browser follows with a GET, so a reload never re-submits. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location, 'content-length': 0 });
  response.end();
}
