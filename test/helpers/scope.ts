import { backgroundFor } from '@/server/platform/http/background';
import { logger } from '@/server/platform/observability/logger';
import type { RequestScope } from '@/server/platform/http/request-scope';

/** A request scope for calling procedures directly (createCaller) in tests. */
export function testScope(overrides: Partial<RequestScope> = {}): RequestScope {
  return {
    requestId: `test-${crypto.randomUUID()}`,
    log: logger,
    bindLog: () => {},
    method: 'POST',
    path: '/',
    route: 'test',
    clientIp: null,
    userAgent: 'vitest',
    cookies: [],
    secureCookies: false,
    // Started at once; a test that must await background work passes a deferredTasks queue.
    background: backgroundFor(
      (task) => void task(),
      () => logger,
    ),
    ...overrides,
  };
}

/** A client address of its own (a random IPv6 /64), so a test never shares a rate-limit bucket. */
export function uniqueClientIp(): string {
  const group = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8:${group()}:${group()}::1`;
}
