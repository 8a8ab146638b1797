import { randomUUID } from 'node:crypto';

import { expect, test } from '../support/test';

import { E2E_PASSWORD, linkFromMailbox, signedInCookie } from '../support/mailbox';

// A team billed per seat, in the browser, offline: the team's billing page, the
// emulator's hosted checkout, and the seat count following the members.
test('a team buys Pro for its two members, and the billing page follows a removal', async ({
  page,
  request,
  playwright,
}) => {
  test.setTimeout(60_000);
  const owner = `team-owner-${randomUUID()}@example.com`;
  const invitee = `team-member-${randomUUID()}@example.com`;
  await signedInCookie(request, owner);
  const team = `Seats ${randomUUID().slice(0, 6)}`;
  const slug = `seats-${randomUUID().slice(0, 8)}`;

  await page.goto('/sign-in?next=/dashboard/organizations');
  await page.getByLabel('Email').fill(owner);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/organizations$/);
  await page.getByLabel('Team name').fill(team);
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/organizations/${slug}$`));
  await page.getByLabel('Their email').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('row', { name: `Invitation to ${invitee}` })).toBeVisible();

  // The invitee accepts through the API, with a session of their own.
  const link = await linkFromMailbox(request, invitee, `Join ${team} on Lean SaaS`);
  const theirs = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const cookie = await signedInCookie(theirs, invitee);
  const accepted = await theirs.post('/api/v1/invitations/accept', {
    data: { token: link.searchParams.get('token') },
    headers: { cookie },
  });
  expect(accepted.status()).toBe(200);
  await theirs.dispose();

  // The team's billing page: free, two members of five.
  await page.reload();
  await page.getByRole('link', { name: 'Billing: plan and seats' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/organizations/${slug}/billing$`));
  await expect(page.getByRole('heading', { name: `Billing of ${team}` })).toBeVisible();
  await expect(page.getByText('Members: 2 of 5')).toBeVisible();
  await page.getByRole('button', { name: 'Upgrade to Pro' }).click();

  // The emulator's checkout charges two seats.
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByText('× 2')).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/dashboard/organizations/${slug}/billing/success\\?session_id=cs_`),
  );
  await expect(page.getByRole('heading', { name: 'You are on the Pro plan' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to billing' }).click();
  await expect(page.getByText('Billed for 2 seats')).toBeVisible();
  await expect(page.getByText('Members: 2 (billed per member)')).toBeVisible();

  // Removing the member takes a seat off the subscription.
  await page.getByRole('link', { name: `Back to ${team}` }).click();
  await page.getByRole('button', { name: `Remove ${invitee}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: `Member ${invitee}` })).toHaveCount(0);
  await page.getByRole('link', { name: 'Billing: plan and seats' }).click();
  await expect(page.getByText('Billed for 1 seat:')).toBeVisible();
  await expect(page.getByText('Members: 1 (billed per member)')).toBeVisible();
});
