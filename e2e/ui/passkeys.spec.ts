import { randomUUID } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

import { addSessionCookie, signedInCookie } from '../support/mailbox';

/**
 * Chromium's virtual authenticator (over CDP) stands in for a device: it holds
 * discoverable credentials and verifies its user without a prompt.
 */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentials = async () =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  return { credentials };
}

test('add a passkey in the profile, then sign in with it and no address typed', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  // WebAuthn takes no IP address as a site: passkeys live at localhost.
  const local = new URL(baseURL!);
  local.hostname = 'localhost';
  const origin = local.origin;
  const email = `passkey-${randomUUID()}@example.com`;
  await addSessionCookie(context, await signedInCookie(request, email), origin);
  const device = await virtualAuthenticator(page);

  await page.goto(`${origin}/dashboard/profile`);
  await page.getByLabel(/^Name it/).fill('Work laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByText('Passkey “Work laptop” added.')).toBeVisible();
  const passkey = page.getByRole('listitem', { name: 'Passkey Work laptop' });
  await expect(passkey).toContainText('never used yet');
  expect(await device.credentials()).toHaveLength(1);

  // Signed out, the passkey signs the same person back in.
  await context.clearCookies();
  await page.goto(`${origin}/sign-in?next=/dashboard/sessions`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(`${origin}/dashboard/sessions`);
  await expect(page.getByRole('row').filter({ hasText: 'This device' })).toContainText(
    'with a passkey',
  );

  // Removed (after the confirmation), it is gone from the list and signs nobody in.
  await page.goto(`${origin}/dashboard/profile`);
  await expect(passkey).toContainText('last used');
  await page.getByRole('button', { name: 'Remove passkey Work laptop' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove passkey' }).click();
  await expect(page.getByText('Passkey “Work laptop” removed.')).toBeVisible();
  await expect(page.getByText('No passkeys yet')).toBeVisible();
  await context.clearCookies();
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByText('This passkey did not sign you in')).toHaveRole('alert');
});

test('at an IP address the sign-in page says where passkeys work', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByText('Passkeys need a domain name')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toHaveCount(0);
});
