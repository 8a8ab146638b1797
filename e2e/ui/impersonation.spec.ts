import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { E2E_ADMINS } from '../support/environment';
import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

test('an admin views the product as a user, with a banner on every page, and stops', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const user = `viewed-${randomUUID()}@example.com`;
  await signedInCookie(request, user);
  await signedInCookie(request, E2E_ADMINS.impersonation);
  await page.goto('/sign-in?next=/admin/users');
  await page.getByLabel('Email').fill(E2E_ADMINS.impersonation);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(user);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: user }).click();
  await expect(page.getByRole('heading', { level: 1, name: user })).toBeVisible();
  const adminPage = page.url();

  await page.getByRole('button', { name: 'View as this user' }).click();
  await page
    .getByRole('alertdialog', { name: `View the product as ${user}?` })
    .getByRole('button', { name: 'Start viewing' })
    .click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const banner = page.getByRole('region', { name: 'Stop viewing as them' });
  await expect(banner).toContainText(`You are viewing Lean SaaS as ${user}`);

  // The banner stays on every page; the account's own keys stay out of reach.
  await page.goto('/dashboard/profile');
  await expect(banner).toBeVisible();
  await page.getByLabel('Current password').fill(E2E_PASSWORD);
  await page.getByLabel('New password').fill('another long passphrase 42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('While viewing as this user, you cannot')).toBeVisible();
  await page.goto('/pricing');
  await expect(banner).toBeVisible();

  await banner.getByRole('button', { name: 'Stop viewing as them' }).click();
  await expect(page).toHaveURL(adminPage);
  await expect(page.getByRole('heading', { level: 1, name: user })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
