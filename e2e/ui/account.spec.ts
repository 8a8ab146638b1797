import { randomUUID } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

import { E2E_PASSWORD } from '../support/mailbox';

/** Opens the newest mail to `to` with `subject` in the dev mailbox and follows its link. */
async function followMailedLink(page: Page, to: string, subject: string) {
  const mail = page.getByRole('article', { name: `Email to ${to}: ${subject}` }).first();
  // Mail goes out after the response (Next's after()): reload until it is there.
  await expect(async () => {
    await page.goto('/dev/mailbox');
    await expect(mail).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await mail.getByRole('link', { name: 'Open link' }).first().click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('sign up, confirm through the mailbox, sign in, edit the profile, see the session, sign out', async ({
  page,
}) => {
  // Sign-up to sign-out through the mailbox: about 18 s alone, past 30 s under load.
  test.setTimeout(60_000);
  const email = `e2e-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Grace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toBeVisible();

  await followMailedLink(page, email, 'Confirm your email address');
  await expect(page).toHaveURL(/\/verify-email\?token=/);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByText('Your email is confirmed.')).toBeVisible();

  await page.goto('/sign-in');
  await signIn(page, email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Grace');
  await expect(page.getByRole('main').getByText(email)).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Dashboard' })
    .getByRole('link', { name: 'Profile' })
    .click();
  await expect(page.getByLabel('Display name')).toHaveValue('Grace');
  await page.getByLabel('Display name').fill('Grace Hopper');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Dashboard' })
    .getByRole('link', { name: 'Sessions' })
    .click();
  await expect(page.getByText('This device')).toBeVisible();

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // Signed out: the dashboard sends us to sign in, and back after.
  await page.goto('/dashboard/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard%2Fprofile$/);
  await signIn(page, email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard\/profile$/);
  await expect(page.getByLabel('Display name')).toHaveValue('Grace Hopper');
});

test('forgot password: reset through the mailbox, then sign in with the new one', async ({
  page,
  request,
}) => {
  const email = `reset-${randomUUID()}@example.com`;
  await request.post('/api/v1/auth/sign-up', { data: { email, password: E2E_PASSWORD } });

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'If an account uses this address' }),
  ).toBeVisible();

  await followMailedLink(page, email, 'Reset your password');
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  const newPassword = 'a brand new passphrase';
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Set my new password' }).click();
  await page.getByRole('link', { name: 'Sign in with it' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await signIn(page, email, E2E_PASSWORD);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }),
  ).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a wrong password gets one generic message', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, `nobody-${randomUUID()}@example.com`, 'whatever it is');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});
