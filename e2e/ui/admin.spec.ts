import { randomUUID } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

import { E2E_ADMINS } from '../support/environment';
import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

async function signInThroughThePage(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin finds a user, revokes their API key (it stops working) and sees the audit entry', async ({
  page,
  request,
}) => {
  const victim = `victim-${randomUUID()}@example.com`;
  const cookie = await signedInCookie(request, victim);
  const created = await request.post('/api/v1/api-keys', {
    headers: { cookie },
    data: { name: 'Leaked key', scopes: ['profile:read'] },
  });
  const { key } = (await created.json()).data as { key: string };
  const byKey = { authorization: `Bearer ${key}` };
  expect((await request.get('/api/v1/me', { headers: byKey })).status()).toBe(200);

  await signedInCookie(request, E2E_ADMINS.flow);
  await signInThroughThePage(page, E2E_ADMINS.flow, '/admin/users');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByLabel('Email').fill(victim);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: victim }).click();
  await expect(page.getByRole('heading', { level: 1, name: victim })).toBeVisible();

  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke the key Leaked key?' });
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('API key revoked.')).toBeVisible();
  expect((await request.get('/api/v1/me', { headers: byKey })).status()).toBe(401);
  await expect(page.getByText('admin.api_key_revoked')).toBeVisible();
});

test('a non-admin is refused: /admin redirects, the admin API answers 403', async ({
  page,
  request,
}) => {
  const email = `plain-${randomUUID()}@example.com`;
  const cookie = await signedInCookie(request, email);
  const refused = await request.get('/api/v1/admin/users', { headers: { cookie } });
  expect(refused.status()).toBe(403);

  await signInThroughThePage(page, email, '/admin/users');
  await expect(page).toHaveURL(/\/dashboard\?forbidden=admin$/);
  await expect(page.getByText('That page is for admins only.')).toBeVisible();
});
