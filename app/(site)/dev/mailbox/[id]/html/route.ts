import { getDb } from '@/db/client';
import { devMailboxServes, outboxHtmlAsService } from '@/server/mail/dev-mailbox';

/**
 * What a mail's HTML may do when the mailbox shows it: its inline styles and data:
 * images, nothing loaded from elsewhere, and never a script. The sandbox (also on
 * the iframe, and here for a tab that opens this URL directly) gives it an origin of
 * its own; a link the reader clicks opens in a new tab, outside the sandbox.
 */
const MAIL_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  // Browsers follow this over the X-Frame-Options: DENY that every response carries.
  "frame-ancestors 'self'",
  'sandbox allow-popups allow-popups-to-escape-sandbox',
].join('; ');

const notFound = () => new Response('Not found', { status: 404 });

/** One outbox mail's HTML part, for the dev mailbox's iframe. Local app only, as the page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxServes(request.headers)) return notFound();
  const html = await outboxHtmlAsService(await getDb(), (await params).id);
  if (html === null) return notFound();
  // Links open in a new tab whatever the mail says: inside the frame they would
  // replace the mail with the page (and React Email's own links say so already).
  const withBase = /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, '$&<base target="_blank">')
    : `<base target="_blank">${html}`;
  return new Response(withBase, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': MAIL_CSP,
      'Cache-Control': 'no-store',
    },
  });
}
