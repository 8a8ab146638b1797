import type { IncomingMessage, ServerResponse } from 'node:http';

import { matchPattern, type Context } from '../context';
import { StripeApiError } from '../errors';
import { parseForm, readBody, redirect, sendHtml } from '../http';
import { checkoutPages } from './checkout';
import { errorPage, notFoundPage, page } from './layout';
import { portalPages } from './portal';
import type { PageResult, PageRoute } from './types';

const HOME: PageRoute = {
  method: 'GET',
  pattern: '',
  handler: () => ({
    status: 200,
    html: page(
      'Stripe emulator',
      `<h1>Stripe emulator</h1>
<p>A local stand-in for the Stripe API (<code>/v1/…</code>), its hosted Checkout and its
billing portal. Open the <code>url</code> of a Checkout Session or a billing portal session.</p>`,
    ),
  }),
};

const PAGES: PageRoute[] = [HOME, ...checkoutPages, ...portalPages];

function run(ctx: Context, method: string, pathname: string, body: string): PageResult {
  for (const route of PAGES) {
    const path = route.method === method ? matchPattern(route.pattern, pathname) : null;
    if (!path) continue;
    try {
      return route.handler(ctx, path, parseForm(body));
    } catch (error) {
      // A refused action (say, on a canceled subscription) explains itself on a page.
      if (error instanceof StripeApiError) return { status: 400, html: errorPage(error.message) };
      throw error;
    }
  }
  return { status: 404, html: notFoundPage() };
}

/** The hosted pages; `onMutation` runs after every form POST that succeeded. */
export function createPageHandler(ctx: Context, onMutation: () => void) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    const body = method === 'POST' ? await readBody(request) : '';
    const result = run(ctx, method, url.pathname, body);
    if ('redirect' in result) {
      onMutation();
      redirect(response, result.redirect);
      return;
    }
    sendHtml(response, result.status, result.html);
  };
}
