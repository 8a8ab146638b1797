import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { addSessionCookie, E2E_PASSWORD, signedInCookie } from '../support/mailbox';

// The shell with the keyboard alone: the sidebar, the account menu (theme, sign out),
// and a destructive action that asks first.
test('the sidebar, the account menu and a confirmation dialog work with the keyboard alone', async ({
  page,
  request,
  context,
  baseURL,
}) => {
  const email = `keyboard-${randomUUID()}@example.com`;
  const cookie = await signedInCookie(request, email);
  // A second session, so "sign out everywhere else" has something to do. Signed in
  // without the first one's cookie: a sign-in that carries it replaces that session.
  const second = await fetch(`${baseURL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: E2E_PASSWORD }),
  });
  expect(second.status).toBe(200);
  await addSessionCookie(context, cookie, baseURL!);
  await page.goto('/dashboard');

  // The skip link comes first and lands on the page's content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  // Sidebar: Tab to "Sessions", Enter follows it, and it is marked as the current page.
  const sidebar = page.getByRole('navigation', { name: 'Dashboard' });
  const sessions = sidebar.getByRole('link', { name: 'Sessions' });
  for (
    let presses = 0;
    presses < 20 && !(await sessions.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(sessions).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard\/sessions$/);
  await expect(sessions).toHaveAttribute('aria-current', 'page');

  // Account menu: open with Enter, arrow down to the theme choices, choose Dark.
  const menuButton = page.getByRole('button', { name: 'Account menu' });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  const dark = page.getByRole('menuitemradio', { name: 'Dark' });
  for (
    let presses = 0;
    presses < 6 && !(await dark.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(dark).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  // The choice is kept: a reload renders dark from the first paint.
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);

  // Escape closes a menu and gives focus back to its button.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(menuButton).toBeFocused();

  // A destructive action asks first: the dialog opens with focus on Cancel, and
  // Escape leaves everything as it was.
  const signOutOthers = page.getByRole('button', { name: /sign out everywhere else/i });
  // Enabled once the reloaded page has listed the other session; a disabled button
  // takes no focus, and Enter would go to whatever kept it.
  await expect(signOutOthers).toBeEnabled();
  await signOutOthers.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /sign out everywhere else/i })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
});
