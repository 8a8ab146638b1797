import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

test('sign up, open the mail in the dev mailbox, confirm the address', async ({ page }) => {
  const email = `mail-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText('Not confirmed yet')).toBeVisible();

  await page.goto('/dev/mailbox');
  const mail = page.getByRole('article', { name: `Email to ${email}: Confirm your email address` });
  await mail.getByRole('link', { name: 'Open link' }).click();

  await expect(page).toHaveURL(/\/verify-email\?token=/);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByText('Your email is confirmed.')).toBeVisible();

  await page.goto('/dashboard');
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
});
