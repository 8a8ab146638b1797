import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

import { e2eDatabaseUrl } from '../support/environment';
import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';
import { expect, test } from '../support/test';

const run = promisify(execFile);

test('npm run admin:grant while the app runs, then the admin area', async ({ page, request }) => {
  const email = `granted-${randomUUID()}@example.com`;
  await signedInCookie(request, email);

  // As a newcomer runs it: a second terminal, the same DATA_DIR (or DATABASE_URL),
  // the app still running and owning its embedded database.
  const databaseUrl = e2eDatabaseUrl();
  const { stdout, stderr } = await run('npm', ['run', '--silent', 'admin:grant', '--', email], {
    env: {
      ...process.env,
      DATA_DIR: process.env.E2E_DATA_DIR,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOG_LEVEL: 'warn',
    },
  });
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(stdout.trim().split('\n')).toHaveLength(1);
  expect(stdout).toContain(`${email} is now an admin`);

  await page.goto('/sign-in?next=/admin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The path, not the whole URL: /sign-in?next=/admin ends the same way.
  await expect(page).toHaveURL((url) => url.pathname === '/admin');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
