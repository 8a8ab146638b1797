import { randomUUID } from 'node:crypto';

import { E2E_PASSWORD } from '../support/mailbox';
import { expect, test } from '../support/test';

// What a newcomer does first, on the production build the README starts.

test('sign up, reach the dev mailbox from the confirmation screen, confirm, sign in', async ({
  page,
}) => {
  const email = `first-run-${randomUUID()}@example.com`;
  await page.goto('/');
  await page.getByRole('link', { name: 'Get started' }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toBeVisible();

  await page.getByRole('link', { name: 'open the dev mailbox' }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox$/);
  const mail = page.getByRole('article', { name: `Email to ${email}: Confirm your email address` });
  await mail.getByRole('link', { name: 'Open link' }).first().click();
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByText('Your email is confirmed.')).toBeVisible();

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('the dev mailbox shows new mail without a reload', async ({ page, request }) => {
  const email = `mailbox-${randomUUID()}@example.com`;
  await page.goto('/dev/mailbox');
  await expect(page.getByRole('heading', { name: 'Dev mailbox' })).toBeVisible();
  const mail = page.getByRole('article', { name: `Email to ${email}: Confirm your email address` });
  await expect(mail).toHaveCount(0);
  await request.post('/api/v1/auth/sign-up', { data: { email, password: E2E_PASSWORD } });
  await expect(mail).toBeVisible({ timeout: 10_000 });
});

test('a form names what is wrong in words, on the field, before anything is sent', async ({
  page,
}) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) sent.push(request.url());
  });
  await page.goto('/sign-up');
  // The input mirrors the schema's limit, so the browser itself stops at 80.
  await expect(page.getByLabel('Name')).toHaveAttribute('maxlength', '80');
  await page.getByLabel('Email').fill('not-an-address');
  await page.getByLabel('Password').fill('short');
  const before = sent.length;
  await page.getByRole('button', { name: 'Create account' }).click();

  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();
  await expect(page.getByText('Enter an email address like name@example.com')).toBeVisible();
  // The message is the field's description, so a screen reader reads it with the field.
  const describedBy = await password.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(
    'Password must be at least 8 characters',
  );
  await expect(page.getByText(/Invalid input/)).toHaveCount(0);
  expect(sent.slice(before).filter((url) => url.includes('signUp'))).toEqual([]);
});

test('a confirmation link with a garbage token says the link is not valid', async ({ page }) => {
  await page.goto('/verify-email?token=garbage!');
  await expect(page.getByText('This confirmation link is not valid')).toBeVisible();
  await expect(page.getByText(/Invalid input/)).toHaveCount(0);
});

test('an unknown page is our own, styled 404 with a way home', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go home' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('forms with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  const secret = 'no-js secret passphrase 12345';
  for (const { path, fill, submit } of [
    { path: '/sign-in', fill: ['Email', 'Password'], submit: 'Sign in' },
    { path: '/sign-up', fill: ['Email', 'Password'], submit: 'Create account' },
    { path: '/forgot-password', fill: ['Email'], submit: 'Send me a link' },
    {
      path: '/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      fill: ['New password'],
      submit: 'Set my new password',
    },
  ]) {
    test(`${path} sends no secret in a URL or anywhere else`, async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (request) =>
        requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`),
      );
      await page.goto(path);
      for (const label of fill) {
        await page.getByLabel(label).fill(label === 'Email' ? 'nojs@example.com' : secret);
      }
      await page.getByLabel(fill.at(-1)!).press('Enter');
      await expect(page.getByRole('button', { name: submit })).toBeDisabled();
      await page.waitForTimeout(500);
      expect(page.url()).not.toContain('passphrase');
      expect(page.url()).not.toContain('nojs');
      expect(
        requests.filter((line) => line.includes('passphrase') || line.includes('nojs')),
      ).toEqual([]);
    });
  }
});
