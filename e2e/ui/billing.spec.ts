import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { E2E_RATE_LIMIT_MULTIPLIER } from '../support/environment';
import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

// The whole subscription lifecycle in the browser, offline: the app's pages, the
// local Stripe emulator's hosted checkout and portal, and its webhooks back.
test('upgrade (yearly) on /pricing, pay on checkout, see Pro and its limits; switch plan in the portal, cancel there, back on Free', async ({
  page,
  request,
}) => {
  // Checkout, the portal twice and their webhooks: about 20 s alone, past 30 s under load.
  test.setTimeout(60_000);
  const email = `billing-${randomUUID()}@example.com`;
  await signedInCookie(request, email);
  await page.goto('/sign-in?next=/dashboard/billing');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing$/);
  // On Free, the free plan's hourly budget (times the e2e server's multiplier).
  const freeBudget = (100 * E2E_RATE_LIMIT_MULTIPLIER).toLocaleString('en-US');
  await expect(
    page.getByText(new RegExp(`^Your requests this hour: \\d+ of ${freeBudget}$`)),
  ).toBeVisible();
  await page.goto('/pricing');

  const pro = page.getByRole('region', { name: 'Pro' });
  await expect(pro).toContainText('$19');
  await page.getByText('Yearly').click();
  await expect(pro).toContainText('$190');
  // A double click starts one checkout, not two.
  const checkoutCalls: string[] = [];
  page.on('request', (request) => {
    // One entry per call: a tRPC batch would carry two calls in one request.
    const path = new URL(request.url()).pathname;
    for (const call of path.split('/').at(-1)!.split(',')) {
      if (call === 'billing.checkout') checkoutCalls.push(request.url());
    }
  });
  await pro.getByRole('button', { name: 'Upgrade to Pro' }).dblclick();

  // Stripe's hosted checkout (here the emulator's page, on its own origin).
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  expect(checkoutCalls).toHaveLength(1);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(/\/dashboard\/billing\/success\?session_id=cs_/);
  await expect(page.getByRole('heading', { name: 'You are on the Pro plan' })).toBeVisible();
  await expect(page.getByText('You can now have 20 active API keys')).toBeVisible();

  await page.getByRole('link', { name: 'Go to billing' }).click();
  await expect(page.getByText('API keys: 0 of 20')).toBeVisible();
  await expect(page.getByText(/^Renews on /)).toBeVisible();
  // The plan's hourly budget (times the e2e server's multiplier), not health's.
  const budget = (1_000 * E2E_RATE_LIMIT_MULTIPLIER).toLocaleString('en-US');
  await expect(
    page.getByText(new RegExp(`^Your requests this hour: \\d+ of ${budget}$`)),
  ).toBeVisible();

  // A subscriber sees their own interval and changes plan in the portal, not checkout.
  await page.goto('/pricing');
  await expect(page.getByRole('radio', { name: 'Yearly' })).toBeChecked();
  await expect(pro.getByRole('button', { name: 'Manage billing' })).toBeVisible();
  const enterprise = page.getByRole('region', { name: 'Enterprise' });
  await expect(enterprise.getByRole('button', { name: 'Upgrade to Enterprise' })).toHaveCount(0);
  await enterprise.getByRole('button', { name: 'Switch plan' }).click();
  await expect(page.getByRole('heading', { name: 'Billing portal' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel now' }).click();
  await expect(page.getByText('You have no active subscriptions.')).toBeVisible();
  await page.getByRole('link', { name: 'Return' }).click();

  // The cancellation reaches the app as a webhook; the page shows it once applied.
  await expect(page).toHaveURL(/\/dashboard\/billing$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('API keys: 0 of 2')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText('Canceled', { exact: true })).toBeVisible();
});
