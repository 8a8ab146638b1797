import { randomUUID } from 'node:crypto';

import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';

import { expect, test } from '../support/test';

import { signedInCookie } from '../support/mailbox';

const SUBJECT = 'Sign in to Lean SaaS';

/** An account with a confirmed address, signed in elsewhere (not in this browser). */
async function account(request: APIRequestContext) {
  const email = `e2e-${randomUUID()}@example.com`;
  await signedInCookie(request, email);
  return email;
}

async function askForSignInMail(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me the email' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'we have emailed it a sign-in link and a code' }),
  ).toBeVisible();
}

/** The newest sign-in mail to `to`, as the dev mailbox lists it (after the response). */
async function sentMail(page: Page, to: string) {
  const mail = page.getByRole('article', { name: `Email to ${to}: ${SUBJECT}` }).first();
  await expect(async () => {
    await page.goto('/dev/mailbox');
    await expect(mail).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  return mail;
}

test('sign in by the mailed link: opening it signs nobody in, the button does, once', async ({
  page,
  request,
  context,
}) => {
  const email = await account(request);
  await askForSignInMail(page, email);
  const mail = await sentMail(page, email);
  await mail.getByRole('link', { name: 'Open link' }).first().click();
  await expect(page).toHaveURL(/\/sign-in\/email\?token=[\w-]+$/);

  // A mail scanner that fetches the link gets this page and no session.
  const probe = await context.newPage();
  await probe.goto('/dashboard');
  await expect(probe).toHaveURL(/\/sign-in\?next=/);
  await probe.close();

  const link = page.url();
  await page.getByRole('button', { name: 'Sign me in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('main').getByText(email)).toBeVisible();
  await page.goto('/dashboard/sessions');
  // The list loads in the browser: slow on a busy machine.
  await expect(page.getByText('by an emailed link')).toBeVisible({ timeout: 15_000 });

  await page.goto(link);
  await page.getByRole('button', { name: 'Sign me in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This link is invalid or has expired.' }),
  ).toBeVisible();
});

test('sign in by the mailed code, typed on the sign-in page', async ({
  page,
  request,
  context,
}) => {
  const email = await account(request);
  await askForSignInMail(page, email);
  // The mailbox in a tab of its own: the sign-in page keeps waiting for the code.
  const mailbox = await context.newPage();
  // The text part is in the page, in a hidden tab: textContent, not innerText.
  const text = (await (await sentMail(mailbox, email)).textContent()) ?? '';
  const code = /email address:\s*(\d{6})/.exec(text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await mailbox.close();

  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Code').fill(wrong);
  await page.getByRole('button', { name: 'Sign in with the code' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This code is wrong or has expired' }),
  ).toBeVisible();

  await page.getByLabel('Code').fill(code!);
  await page.getByRole('button', { name: 'Sign in with the code' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('main').getByText(email)).toBeVisible();
});

test('the passwordless forms and the link page: German words, no serious axe violation', async ({
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
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Anmeldelink per E-Mail erhalten' }).click();
  await page.getByLabel('E-Mail').fill(`e2e-${randomUUID()}@example.com`);
  await page.getByRole('button', { name: 'E-Mail senden' }).click();
  await expect(page.getByLabel('Code')).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('⟦');
  expect(await serious()).toEqual([]);
  await page.goto(`/sign-in/email?token=${'A'.repeat(43)}`);
  await expect(page.getByRole('button', { name: 'Jetzt anmelden' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.goto('/sign-in/email?token=cut');
  await expect(page.getByRole('alert').filter({ hasText: 'ungültig' })).toBeVisible();
});
