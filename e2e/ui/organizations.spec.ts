import { randomUUID } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

import { E2E_PASSWORD, linkFromMailbox, signedInCookie } from '../support/mailbox';

async function signIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('create a team, invite through the mailbox, accept in a second browser, change the role, remove', async ({
  page,
  browser,
  request,
}) => {
  const owner = `owner-${randomUUID()}@example.com`;
  const invitee = `invitee-${randomUUID()}@example.com`;
  await signedInCookie(request, owner);
  await signedInCookie(request, invitee);
  const team = `Acme ${randomUUID().slice(0, 6)}`;

  await signIn(page, owner, '/dashboard/organizations');
  await expect(page).toHaveURL(/\/dashboard\/organizations$/);
  await expect(page.getByText('personal · owner')).toBeVisible();
  await page.getByLabel('Team name').fill(team);
  await page.getByLabel(/^Slug/).fill(`acme-${randomUUID().slice(0, 8)}`);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { name: `Members of ${team}` })).toBeVisible();
  await page.getByLabel('Their email').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('listitem', { name: `Invitation to ${invitee}` })).toBeVisible();

  // The invitee, in a browser of their own, opens the mailed link and signs in.
  const link = await linkFromMailbox(request, invitee, `Join ${team} on Lean SaaS`);
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link.pathname + link.search);
  await theirs.getByRole('link', { name: 'Sign in to accept' }).click();
  await theirs.getByLabel('Email').fill(invitee);
  await theirs.getByLabel('Password').fill(E2E_PASSWORD);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs).toHaveURL(/\/invitations\/accept\?token=/);
  await theirs.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(theirs.getByText(`You have joined ${team} as member.`)).toBeVisible();

  // A member sees the team and its members, and nothing to manage.
  await theirs.getByRole('link', { name: 'Go to your organizations' }).click();
  await theirs.getByRole('button', { name: `Members of ${team}` }).click();
  await expect(theirs.getByRole('listitem', { name: `Member ${owner}` })).toContainText('owner');
  await expect(theirs.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);

  // A member makes a key that acts only in the team.
  await theirs.getByLabel('Name', { exact: true }).fill('Their CI');
  await theirs.getByRole('button', { name: 'Create key' }).click();
  await expect(theirs.getByLabel('New API key')).toBeVisible();
  await expect(theirs.getByRole('listitem', { name: 'API key Their CI' })).toContainText('active');

  // The owner sees it in the team's activity.
  await page.reload();
  await page.getByRole('button', { name: `Members of ${team}` }).click();
  await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
    `organization.joined by ${invitee}`,
  );

  // Made an admin, they may invite.
  await page.getByLabel(`Role of ${invitee}`).selectOption('admin');
  await expect(page.getByLabel(`Role of ${invitee}`)).toHaveValue('admin');
  await theirs.reload();
  await theirs.getByRole('button', { name: `Members of ${team}` }).click();
  await expect(theirs.getByRole('button', { name: 'Send invitation' })).toBeVisible();

  // Removed, the team is gone from their list.
  await page.getByRole('button', { name: `Remove ${invitee}` }).click();
  await expect(page.getByRole('listitem', { name: `Member ${invitee}` })).toHaveCount(0);
  // Their key went with their membership.
  await expect(page.getByRole('listitem', { name: 'API key Their CI' })).toContainText(
    `by a former member`,
  );
  await expect(page.getByRole('listitem', { name: 'API key Their CI' })).toContainText('revoked');
  await theirs.reload();
  await expect(theirs.getByText('personal · owner')).toBeVisible();
  await expect(theirs.getByRole('button', { name: `Members of ${team}` })).toHaveCount(0);
  await other.close();
});
