import { randomUUID } from 'node:crypto';

import type { APIRequestContext, Page } from '@playwright/test';

import { E2E_PASSWORD, linkFromMailbox } from '../support/mailbox';
import { expect, test } from '../support/test';

/** Signs a new address up and opens the mailbox on its confirmation mail. */
async function confirmationMail(page: Page, request: APIRequestContext) {
  const email = `mailbox-${randomUUID()}@example.com`;
  await request.post('/api/v1/auth/sign-up', { data: { email, password: E2E_PASSWORD } });
  const link = await linkFromMailbox(request, email, 'Confirm your email address');
  await page.goto('/dev/mailbox');
  const name = `Email to ${email}: Confirm your email address`;
  return { email, link, mail: page.getByRole('article', { name }) };
}

test('the dev mailbox shows a mail as HTML, as text, and its headers', async ({
  page,
  request,
}) => {
  const { email, link, mail } = await confirmationMail(page, request);

  // The HTML part, rendered in its sandboxed frame: the button and the link written out.
  const html = mail.frameLocator('iframe');
  await expect(html.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
  const button = html.getByRole('link', { name: 'Confirm my email' });
  await expect(button).toHaveAttribute('href', link.href);
  await expect(html.getByRole('link', { name: link.href })).toBeVisible();
  await expect(html.getByText('You got this email because')).toBeVisible();

  await mail.getByRole('tab', { name: 'Text' }).click();
  const text = mail.getByRole('tabpanel', { name: 'Text' });
  await expect(text).toContainText(`Confirm my email ${link.href}`);
  await expect(mail.getByRole('tabpanel', { name: 'HTML' })).toBeHidden();

  await mail.getByRole('tab', { name: 'Headers' }).click();
  const headers = mail.getByRole('tabpanel', { name: 'Headers' });
  await expect(headers).toContainText(`To${email}`);
  await expect(headers).toContainText('SubjectConfirm your email address');
  await expect(headers).toContainText('From');
  await expect(headers).toContainText('Date');

  // A link in the HTML opens the app in a new tab, outside the sandbox.
  await mail.getByRole('tab', { name: 'HTML' }).click();
  const [opened] = await Promise.all([page.context().waitForEvent('page'), button.click()]);
  await expect(opened).toHaveURL(link.href);
  await expect(opened.getByRole('button', { name: 'Confirm my email' })).toBeVisible();
});

test("a mail's HTML is served with a policy of its own: no script, framed only by us", async ({
  page,
  request,
}) => {
  const { mail } = await confirmationMail(page, request);
  const src = await mail.locator('iframe').getAttribute('src');
  expect(await mail.locator('iframe').getAttribute('sandbox')).not.toContain('allow-scripts');

  const response = await request.get(src!);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy']!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/sandbox allow-popups/);
  expect(csp).not.toMatch(/script-src|allow-scripts|allow-same-origin/);
  expect(csp).toContain("frame-ancestors 'self'");
  expect(await response.text()).toContain('Confirm my email');

  expect((await request.get('/dev/mailbox/not-a-uuid/html')).status()).toBe(404);
  expect((await request.get(`/dev/mailbox/${randomUUID()}/html`)).status()).toBe(404);
});
