import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/test';

import { E2E_ADMINS } from '../support/environment';
import { E2E_PASSWORD, signedInCookie } from '../support/mailbox';

const PAGES = [
  '/pricing',
  '/dashboard',
  '/dashboard/profile',
  '/dashboard/organizations',
  '/invitations/accept?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '/dashboard/sessions',
  '/dashboard/api-keys',
  '/dashboard/billing',
  '/dashboard/audit',
  '/admin/users',
  '/admin/organizations',
  '/admin/system',
  '/admin/errors',
  '/admin/compliance',
];

// Where the screenshots go: CI keeps test-results/ as an artifact, so a reviewer can
// look at every main page, light and dark, without running the product.
const SCREENSHOTS = path.join('test-results', 'screenshots');
const shotName = (pagePath: string, variant: string) =>
  `${pagePath.split('?')[0]!.replace(/^\//, '').replaceAll('/', '-') || 'home'}-${variant}.png`;

const VARIANTS = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'de', theme: 'light' },
  { language: 'de', theme: 'dark' },
] as const;

// One variant a test, in order in one worker (the same admin signs in for each), so
// each has its own time budget: all four took over 8 minutes on a busy 2-core machine.
test.describe.configure({ mode: 'default' });

// The dashboard and admin pages, as an admin sees them, in both themes and both
// languages, against WCAG 2.1 A and AA; no console error and no missing message.
for (const { language, theme } of VARIANTS) {
  test(`the dashboard and admin pages have no serious or critical axe violations (${language}, ${theme})`, async ({
    page,
    request,
    context,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    await signedInCookie(request, E2E_ADMINS.accessibility);
    await page.goto('/sign-in?next=/dashboard');
    await page.getByLabel('Email').fill(E2E_ADMINS.accessibility);
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The path, not the whole URL: /sign-in?next=/dashboard ends the same way.
    await expect(page).toHaveURL((url) => url.pathname === '/dashboard');
    // A team's page, with its members, invitations, activity and keys, and its billing
    // page (made in the page:
    // the session cookie may be Secure, which a plain API request would not send).
    const slug = `a11y-${Date.now().toString(36)}`;
    await page.goto('/dashboard/organizations');
    await page.getByLabel('Team name').fill('Accessible team');
    await page.getByLabel(/^Slug/).fill(slug);
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/organizations/${slug}$`));

    const found: string[] = [];
    const team = `/dashboard/organizations/${slug}`;
    // The language this browser chose (the cookie the switcher sets); the theme follows
    // the system setting until someone picks one.
    await context.addCookies([{ name: 'locale', value: language, url: baseURL! }]);
    await page.emulateMedia({ colorScheme: theme });
    const variant = `${language}-${theme}`;
    for (const pagePath of ['/', ...PAGES, team, `${team}/billing`]) {
      await page.goto(pagePath);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveClass(
        theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/,
      );
      if ((await page.locator('body').innerText()).includes('⟦')) {
        found.push(`${pagePath} (${variant}): a missing message`);
      }
      await page.screenshot({
        path: path.join(SCREENSHOTS, shotName(pagePath, variant)),
        fullPage: true,
      });
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const violation of results.violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          const targets = violation.nodes.map((node) => node.target.join(' ')).join('; ');
          found.push(
            `${pagePath} (${variant}): ${violation.id} (${violation.impact}) at ${targets}`,
          );
        }
      }
    }
    expect(found).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}
