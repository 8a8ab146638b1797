import type { Interval } from '../types';

/** Every interpolated value goes through this: names, emails and URLs come from callers. */
export function escapeHtml(value: string | number): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Only http(s) links are rendered as links, so a `javascript:` URL cannot run. */
export const safeHref = (url: string): string | null =>
  /^https?:\/\//i.test(url) ? escapeHtml(url) : null;

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** A date as YYYY-MM-DD in UTC: unambiguous, and the same wherever the tests run. */
export const formatDate = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().slice(0, 10);

export const intervalAdjective = (interval: Interval): string =>
  interval === 'month' ? 'monthly' : 'yearly';

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7fb; color: #1a1f36; }
  main { max-width: 32rem; margin: 3rem auto; background: #fff; padding: 2rem;
    border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  .banner { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #8a5a00;
    background: #fff4d6; padding: .25rem .5rem; border-radius: 4px; display: inline-block; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem;
    border: 1px solid #c1c9d2; border-radius: 4px; }
  button { font: inherit; margin: .5rem .5rem 0 0; padding: .5rem 1rem; border-radius: 4px;
    border: 1px solid #635bff; background: #635bff; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #635bff; }
  form { display: inline; }
  form.block { display: block; }
  section { border-top: 1px solid #e3e8ee; margin-top: 1.5rem; padding-top: 1rem; }
  [role=alert] { color: #b3093c; font-weight: 600; }
  .muted { color: #697386; font-size: .9rem; }
  a { color: #635bff; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Stripe emulator</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="banner">Test mode · local Stripe emulator</p>
${body}
</main>
</body>
</html>
`;
}

export const notFoundPage = (): string =>
  page('Not found', '<h1>Not found</h1><p>There is no such page in the Stripe emulator.</p>');

export const errorPage = (message: string): string =>
  page('Error', `<h1>Something went wrong</h1><p role="alert">${escapeHtml(message)}</p>`);
