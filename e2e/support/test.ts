import { expect, test as base } from '@playwright/test';

/**
 * The ui specs' `test`: every page a spec opens is watched, and a Content Security
 * Policy violation anywhere fails the test that caused it (the nonce CSP blocks
 * what it does not know, silently for the user, loudly here).
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const watch = (page: import('@playwright/test').Page) =>
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
            violations.push(`${page.url()}: ${message.text()}`);
          }
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(violations);
      expect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
