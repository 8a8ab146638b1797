import type { IncomingMessage, ServerResponse } from 'node:http';

import { matchPattern, type ApiRoute, type Context } from './context';
import { invalidApiKey, StripeApiError, unrecognizedUrl } from './errors';
import { expand } from './expand';
import { hasTestKey, parseForm, readBody, sendJson } from './http';
import { createIdempotencyCache } from './idempotency';
import { newId } from './ids';
import { expandPaths, type Params } from './params';
import { catalogRoutes } from './resources/catalog';
import { checkoutRoutes } from './resources/checkout';
import { customerRoutes } from './resources/customers';
import { eventRoutes } from './resources/events';
import { invoiceItemRoutes } from './resources/invoice-items';
import { invoicePreviewRoutes } from './resources/invoice-preview';
import { invoiceRoutes } from './resources/invoices';
import { portalRoutes } from './resources/portal';
import { subscriptionRoutes } from './resources/subscription-routes';
import { API_VERSION } from './types';

const ROUTES: ApiRoute[] = [
  ...customerRoutes,
  ...catalogRoutes,
  ...checkoutRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...invoicePreviewRoutes,
  ...invoiceItemRoutes,
  ...portalRoutes,
  ...eventRoutes,
];

type Answer = { status: number; body: unknown };

/** Runs the matching route; every failure becomes Stripe's error shape. */
function run(ctx: Context, method: string, pathname: string, params: Params): Answer {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const path = matchPattern(route.pattern, pathname);
    if (!path) continue;
    try {
      // A copy, so `expand` and serialization never touch the stored object.
      const body = structuredClone(route.handler(ctx, { params, path }));
      expand(ctx.state, body, expandPaths(params));
      return { status: 200, body };
    } catch (error) {
      if (error instanceof StripeApiError) return { status: error.status, body: error.body };
      throw error;
    }
  }
  const error = unrecognizedUrl(method, pathname);
  return { status: error.status, body: error.body };
}

/**
 * The `/v1` API: authentication, parameters from the query and the form body,
 * idempotent replays of POST/DELETE, and `onMutation` after each change that
 * succeeded (the emulator persists its state there).
 */
export function createApiHandler(ctx: Context, onMutation: () => void) {
  const idempotency = createIdempotencyCache();

  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    const headers: Record<string, string> = {
      'request-id': newId.request(),
      'stripe-version': String(request.headers['stripe-version'] ?? API_VERSION),
    };
    const reply = ({ status, body }: Answer) => sendJson(response, status, body, headers);

    if (!hasTestKey(request.headers.authorization)) return reply(toAnswer(invalidApiKey()));
    const text = method === 'POST' ? await readBody(request) : '';
    const params: Params = { ...parseForm(url.search.slice(1)), ...parseForm(text) };

    const keyHeader = request.headers['idempotency-key'];
    const key = method !== 'GET' && typeof keyHeader === 'string' ? keyHeader : undefined;
    const fingerprint = `${method} ${url.pathname}${url.search} ${text}`;
    if (key) {
      headers['idempotency-key'] = key;
      try {
        const saved = idempotency.replay(key, fingerprint);
        if (saved) {
          headers['idempotent-replayed'] = 'true';
          return reply(saved);
        }
      } catch (error) {
        if (error instanceof StripeApiError) return reply(toAnswer(error));
        throw error;
      }
    }

    const answer = run(ctx, method, url.pathname, params);
    if (answer.status < 400 && method !== 'GET') onMutation();
    if (key && answer.status < 400) idempotency.save(key, fingerprint, answer.status, answer.body);
    reply(answer);
  };
}

const toAnswer = (error: StripeApiError): Answer => ({ status: error.status, body: error.body });
