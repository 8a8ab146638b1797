import { execSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

import {
  API_CONTENT_SECURITY_POLICY,
  STATIC_SECURITY_HEADERS,
} from './server/platform/http/security-headers';

// The commit is fixed into the build so that /api/v1/version needs no git at runtime.
function buildCommit(): string {
  if (process.env.APP_COMMIT) return process.env.APP_COMMIT;
  if (process.env.VERCEL_GIT_COMMIT_SHA) return process.env.VERCEL_GIT_COMMIT_SHA;
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

// `npm run dev` serves its scripts only to origins it knows (Next 16 blocks the rest,
// and the page never hydrates): localhost is built in; add 127.0.0.1 and this
// machine's own addresses, so a phone on the LAN can try the app too.
function devOrigins(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4')
    .map((address) => address!.address);
  return [...new Set(['127.0.0.1', ...addresses])];
}

const toHeaders = (headers: Record<string, string>) =>
  Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  env: { APP_COMMIT: buildCommit() },
  allowedDevOrigins: devOrigins(),
  // Native/WASM and worker-thread packages must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'proper-lockfile', 'ioredis'],
  async headers() {
    return [
      { source: '/:path*', headers: toHeaders(STATIC_SECURITY_HEADERS) },
      {
        source: '/api/:path*',
        headers: toHeaders({ 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY }),
      },
    ];
  },
};

// next-intl's per-request configuration: the page's language and messages.
const withNextIntl = createNextIntlPlugin('./server/page-locale.ts');

export default withNextIntl(nextConfig);
