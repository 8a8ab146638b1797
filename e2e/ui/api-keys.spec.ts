import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

test('create a key in the dashboard, call the API with it, revoke it, and it stops working', async ({
  page,
  request,
}) => {
  const email = `keys-${randomUUID()}@example.com`;
  await signedInCookie(request, email);
  await page.goto('/dashboard/api-keys');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/api-keys$/);
  await expect(page.getByText('No keys yet.')).toBeVisible();
  await page.getByLabel('Name').fill('Deploy bot');
  await page.getByLabel('profile:read').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByLabel('New API key');
  await expect(shown).toHaveText(/^sk_test_[0-9A-Za-z]{28}$/);
  const key = (await shown.textContent())!;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expect(page.getByRole('listitem', { name: 'API key Deploy bot' })).toContainText('active');

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  const denied = await request.patch('/api/v1/me', {
    headers: { authorization: `Bearer ${key}` },
    data: { displayName: 'not allowed' },
  });
  expect(denied.status()).toBe(403);

  const item = page.getByRole('listitem', { name: 'API key Deploy bot' });
  await item.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke the key Deploy bot?' });
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('Revoked Deploy bot.')).toBeVisible();
  await expect(item).toContainText('revoked');
  // Its Revoke button is gone with the key, so focus lands on the page, not nowhere.
  await expect(item.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  await expect(page.locator('#main')).toBeFocused();

  const after = await request.get('/api/v1/me', { headers: { 'x-api-key': key } });
  expect(after.status()).toBe(401);
});
