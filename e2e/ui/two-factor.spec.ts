import { randomUUID } from 'node:crypto';

import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Browser, Page } from '@playwright/test';

import { expect, test } from '../support/test';

import { addSessionCookie, E2E_PASSWORD, signedInCookie } from '../support/mailbox';

/** The authenticator app: the code of the step `stepsAhead` after now (RFC 6238, 30 s). */
const authenticator = (manualKey: string) => {
  const secret = decodeBase32IgnorePadding(manualKey.replace(/\s/g, ''));
  return (stepsAhead = 0) =>
    generateHOTP(secret, BigInt(Math.floor(Date.now() / 30_000) + stepsAhead), 6);
};

/** A fresh browser that signs in with the password and lands on the code step. */
async function signInWithPassword(browser: Browser, baseURL: string, email: string) {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  return page;
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test('enrol an authenticator app, then sign in with a TOTP code and with a recovery code', async ({
  page,
  context,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const email = `e2e-${randomUUID()}@example.com`;
  await addSessionCookie(context, await signedInCookie(request, email), baseURL!);

  await page.goto('/dashboard/profile');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const manualKey = await page
    .getByRole('figure', { name: 'Key for typing in by hand' })
    .locator('code')
    .innerText();
  const codeAt = authenticator(manualKey);
  await page.getByLabel('Code from the app').fill(codeAt());
  await page.getByRole('button', { name: 'Turn on' }).click();
  const enrolledAt = Date.now();
  const codes = page.getByRole('figure', { name: 'Recovery codes' }).locator('code');
  await expect(codes).toBeVisible();
  const recoveryCodes = (await codes.innerText()).split('\n');
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('10 recovery codes left')).toBeVisible();

  // The password alone is not enough now; a wrong code is refused, a right one signs in.
  const second = await signInWithPassword(browser, baseURL!, email);
  await second.goto('/dashboard');
  await expect(second).toHaveURL(/\/sign-in\/two-factor/);
  await enterCode(second, '000000');
  await expect(
    second.getByRole('alert').filter({ hasText: 'The code is not valid' }),
  ).toBeVisible();
  // A later step than the one enrolment used, which counts as spent.
  await enterCode(second, codeAt(1));
  await expect(second).toHaveURL(/\/dashboard$/);
  await expect(second.getByRole('main').getByText(email)).toBeVisible();

  // A lost phone: a recovery code signs in once.
  const third = await signInWithPassword(browser, baseURL!, email);
  await enterCode(third, recoveryCodes[0]!);
  await expect(third).toHaveURL(/\/dashboard$/);
  await third.goto('/dashboard/profile');
  await expect(third.getByText('9 recovery codes left')).toBeVisible();

  // Turning it off is a sensitive action: past the step-up window (5 s in the e2e
  // server, playwright.config.ts), the enrolling session is asked for a code first,
  // and the action runs again once it is given.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, enrolledAt + 6_000 - Date.now())));
  await page.reload();
  await page.getByRole('button', { name: 'Turn off' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Turn off' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel('Authentication code').fill(recoveryCodes[1]!);
  await stepUp.getByRole('button', { name: 'Verify' }).click();
  await expect(stepUp).toBeHidden();
  await expect(page.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();
});
