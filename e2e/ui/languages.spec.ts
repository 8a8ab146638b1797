import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { addSessionCookie, signedInCookie } from '../support/mailbox';

const PAGES = ['/', '/pricing', '/sign-in', '/docs/api', '/dashboard', '/dashboard/api-keys'];

test.describe('in German', () => {
  // What a browser set to German asks for.
  test.use({ locale: 'de-DE' });

  test('every page speaks German where it has words, with no missing message', async ({
    page,
    request,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await addSessionCookie(
      context,
      await signedInCookie(request, `de-${randomUUID()}@example.com`),
      baseURL!,
    );
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('lang', 'de');
      // A missing message renders as ⟦namespace.key⟧ (server/page-locale.ts).
      expect(await page.locator('body').innerText(), path).not.toContain('⟦');
    }
    // The plans in German words (the catalog's are English), their prices in German form.
    await page.goto('/pricing');
    const pro = page.getByRole('region', { name: 'Pro' });
    await expect(pro).toContainText('Für Teams, die das Produkt im Produktivbetrieb einsetzen.');
    await expect(pro).toContainText('1.000 Anfragen pro Stunde');
    await expect(pro).toContainText('19 $');
    await expect(page.locator('main')).not.toContainText('requests an hour');
    await page.goto('/dashboard');
    await expect(
      page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Übersicht' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeAttached();
  });
});

test('the language chosen in the account menu is kept on the profile, over the browser', async ({
  page,
  request,
  context,
  browser,
  baseURL,
}) => {
  const cookie = await signedInCookie(request, `lang-${randomUUID()}@example.com`);
  await addSessionCookie(context, cookie, baseURL!);
  await page.goto('/dashboard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('link', { name: 'Übersicht' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('⟦');

  // Another browser, set to English, with no cookie of ours but the session: the
  // profile's choice wins.
  const elsewhere = await browser.newContext({ locale: 'en-US' });
  await addSessionCookie(elsewhere, cookie, baseURL!);
  const other = await elsewhere.newPage();
  await other.goto(`${baseURL}/dashboard`);
  await expect(other.locator('html')).toHaveAttribute('lang', 'de');
  // What the server refuses comes back in the page's language, not the browser's.
  await other.goto(`${baseURL}/dashboard/profile`);
  await other.getByLabel('Aktuelles Passwort').fill('not the password at all');
  await other.getByLabel('Neues Passwort').fill('a new and long passphrase');
  await other.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(other.getByText('Das aktuelle Passwort ist falsch.').first()).toBeVisible();
  await elsewhere.close();

  // The API says so too, and back to English is one click.
  const me = await request.get('/api/v1/me', { headers: { cookie } });
  expect((await me.json()).data.locale).toBe('de');
  await page.getByRole('button', { name: 'Kontomenü' }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("a visitor's choice is kept in a cookie", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
});
