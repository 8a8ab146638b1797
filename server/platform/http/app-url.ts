import { env } from '@/env';

/**
 * The app's public origin, for links in emails: APP_URL, else Vercel's production
 * domain, else this machine's `npm start` address.
 */
export function appUrl(path: string): string {
  const base =
    env.APP_URL ??
    (env.VERCEL_PROJECT_PRODUCTION_URL
      ? `https://${env.VERCEL_PROJECT_PRODUCTION_URL}`
      : `http://localhost:${env.PORT}`);
  return new URL(path, base).toString();
}
