import { logger } from '@/server/platform/logger';
import type { RequestScope } from '@/server/platform/request-scope';

/** A request scope for calling procedures directly (createCaller) in tests. */
export function testScope(overrides: Partial<RequestScope> = {}): RequestScope {
  return {
    requestId: `test-${crypto.randomUUID()}`,
    log: logger,
    method: 'POST',
    path: '/',
    route: 'test',
    clientIp: null,
    userAgent: 'vitest',
    cookies: [],
    secureCookies: false,
    ...overrides,
  };
}
