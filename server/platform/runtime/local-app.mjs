// The one rule that decides whether this app runs on a developer's machine. It is
// plain JavaScript because server.mjs (which starts the Stripe emulator before
// Next.js loads) needs it as much as the app does.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Local: not on Vercel, and APP_URL unset or pointing at a loopback host. Only a
 * local app may run the stand-ins (dev mailbox, Stripe emulator, in-memory limits);
 * NODE_ENV plays no part, so `npm start` and `npm run dev` behave alike.
 *
 * @param {{ VERCEL?: string | undefined; APP_URL?: string | undefined }} variables
 * @returns {boolean}
 */
export function isLocalApp({ VERCEL, APP_URL }) {
  if (VERCEL) return false;
  if (!APP_URL) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(APP_URL).hostname);
  } catch {
    return false;
  }
}
