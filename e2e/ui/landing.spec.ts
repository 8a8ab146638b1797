import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

/** Fails the test on any CSP violation, page error or request leaving the app. */
function watchPage(page: Page, baseURL: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL) && !request.url().startsWith('data:')) {
      problems.push(`external request: ${request.url()}`);
    }
  });
  return problems;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`landing page renders in ${colorScheme} mode with live status`, async ({
    page,
    baseURL,
  }) => {
    await page.emulateMedia({ colorScheme });
    const problems = watchPage(page, baseURL!);
    await page.goto('/');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Ship your SaaS, not its plumbing.',
    );
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    // Rendered on the server from the status snapshot, under the nonce CSP.
    await expect(page.getByRole('status')).toHaveText('All systems normal');

    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number);
    const brightness = (r! + g! + b!) / 3;
    if (colorScheme === 'dark') expect(brightness).toBeLessThan(60);
    else expect(brightness).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });
}

test('the API reference renders the OpenAPI document without loading anything external', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/');
  await page.getByRole('link', { name: 'Explore the API' }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lean SaaS API');
  for (const path of ['/api/v1/health', '/api/v1/version', '/api/v1/errors']) {
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(path) })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Download openapi.json' })).toHaveAttribute(
    'href',
    '/api/openapi.json',
  );
  expect(problems).toEqual([]);
});

test('the layout is usable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow).toBe(false);
  await expect(page.getByRole('link', { name: 'API', exact: true })).toBeVisible();
});
