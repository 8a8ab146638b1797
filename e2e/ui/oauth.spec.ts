import { randomUUID } from 'node:crypto';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

/** At the local identity provider's page: sign in as `email`, verified or not. */
async function atLocalProvider(page: Page, email: string, verified: boolean, flavour = 'github') {
  await expect(page.getByRole('heading', { name: `Local ${flavour} sign-in` })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  if (!verified) await page.getByLabel('Address verified').uncheck();
  await page.getByRole('button', { name: 'Continue with this address' }).click();
}

test('continue with GitHub through the local identity provider: sign up, connected account listed, sign in again', async ({
  page,
  context,
}) => {
  const email = `e2e-oauth-${randomUUID()}@example.com`;
  await page.goto('/sign-in?next=/dashboard/profile');
  await page.getByRole('link', { name: 'Continue with GitHub' }).click();
  await atLocalProvider(page, email, true);

  await expect(page).toHaveURL(/\/dashboard\/profile$/);
  const connected = page.getByRole('table', { name: 'Connected accounts' });
  await expect(connected.getByText(`GitHub (${email})`)).toBeVisible();
  // Its only way in (no password): disconnecting it is refused, with the reason.
  await connected.getByRole('button', { name: 'Disconnect GitHub' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('set a password first');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByText(/Could not disconnect GitHub/)).toBeVisible();
  await expect(connected.getByText(`GitHub (${email})`)).toBeVisible();

  // Signed out, the same GitHub account signs into the same account.
  await context.clearCookies();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Continue with GitHub' }).click();
  await atLocalProvider(page, email, true);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('main').getByText(email, { exact: true })).toBeVisible();
});

test('an address the provider did not verify signs nobody in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Continue with GitHub' }).click();
  await atLocalProvider(page, `e2e-oauth-${randomUUID()}@example.com`, false);
  await expect(page).toHaveURL(/\/sign-in\?oauth_error=unverifiedEmail$/);
  await expect(page.getByRole('alert').filter({ hasText: 'The provider' })).toContainText(
    'did not confirm that this email address is yours',
  );
});

test('the buttons, their error and Connected accounts: German words, no serious axe violation', async ({
  page,
  context,
  baseURL,
}) => {
  const serious = async () =>
    (
      await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  await context.addCookies([{ name: 'locale', value: 'de', url: baseURL! }]);
  await page.goto('/sign-in?oauth_error=invalidState');
  await expect(page.getByRole('link', { name: 'Weiter mit Google' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'nicht bestätigt' })).toBeVisible();
  expect(await serious()).toEqual([]);
  // Google's stand-in is an OpenID provider (oidc-provider): the same flow, through it.
  await page.getByRole('link', { name: 'Weiter mit Google' }).click();
  await atLocalProvider(page, `e2e-oauth-${randomUUID()}@example.com`, true, 'google');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/dashboard/profile');
  await expect(page.getByRole('table', { name: 'Verknüpfte Konten' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'GitHub verknüpfen' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('⟦');
  expect(await serious()).toEqual([]);
});
