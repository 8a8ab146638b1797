import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

const PASSWORD = 'correct horse battery staple';

test('sign up, edit the profile, see the session, sign out', async ({ page }) => {
  const email = `e2e-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Grace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Grace');
  await expect(page.getByText(email)).toBeVisible();

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

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // Signed out: the dashboard sends us to sign in, and back after.
  await page.goto('/dashboard/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard%2Fprofile$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/profile$/);
  await expect(page.getByLabel('Display name')).toHaveValue('Grace Hopper');
});

test('a wrong password gets one generic message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(`nobody-${randomUUID()}@example.com`);
  await page.getByLabel('Password').fill('whatever it is');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});
