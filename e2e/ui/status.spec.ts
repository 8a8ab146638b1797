import { expect, test } from '@playwright/test';

import { E2E_RATE_LIMIT_MULTIPLIER } from '../support/environment';

// Health's own limit is 10 a minute per address (times the e2e multiplier). The
// footer once called it on every view, so a busy page, or an office behind one
// address, turned every footer into "Status unavailable". More views than that
// limit, from one address within a minute, must all show the status.
const HEALTH_PER_MINUTE = 10 * E2E_RATE_LIMIT_MULTIPLIER;
const VIEWS = Math.max(30, HEALTH_PER_MINUTE + 10);

test(`${VIEWS} page views in a row: no 429, the footer shows the status every time`, async ({
  page,
}) => {
  test.setTimeout(120_000);
  const refused: string[] = [];
  const healthCalls: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 429) refused.push(response.url());
  });
  page.on('request', (request) => {
    if (request.url().includes('core.health')) healthCalls.push(request.url());
  });

  const startedAt = Date.now();
  for (let view = 0; view < VIEWS; view++) {
    await page.goto(view % 2 ? '/pricing' : '/');
    await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(
      'All systems normal',
    );
  }
  // Within one window of health's limit, or the test would prove nothing.
  expect(Date.now() - startedAt).toBeLessThan(60_000);
  expect(refused).toEqual([]);
  expect(healthCalls).toEqual([]);
});
