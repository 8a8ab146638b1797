import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

// The whole subscription lifecycle in the browser, offline: the app's pages, the
// local Stripe emulator's hosted checkout and portal, and its webhooks back.
test('upgrade on /pricing, pay on checkout, see Pro and its limits; cancel in the portal, back on Free', async ({
  page,
  request,
}) => {
  const email = `billing-${randomUUID()}@example.com`;
  await signedInCookie(request, email);
  await page.goto('/sign-in?next=/pricing');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/pricing$/);

  const pro = page.getByRole('region', { name: 'Pro' });
  await expect(pro).toContainText('$19');
  await pro.getByRole('button', { name: 'Upgrade to Pro' }).click();

  // Stripe's hosted checkout (here the emulator's page, on its own origin).
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(/\/dashboard\/billing\/success\?session_id=cs_/);
  await expect(page.getByRole('heading', { name: 'You are on the Pro plan' })).toBeVisible();
  await expect(page.getByText('You can now have 20 active API keys')).toBeVisible();

  await page.getByRole('link', { name: 'Go to billing' }).click();
  await expect(page.getByText('API keys: 0 of 20')).toBeVisible();
  await expect(page.getByText(/^Renews on /)).toBeVisible();

  await page.getByRole('button', { name: 'Manage billing' }).click();
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
