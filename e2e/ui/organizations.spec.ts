import { randomUUID } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';

import {
  addSessionCookie,
  E2E_PASSWORD,
  linkFromMailbox,
  signedInCookie,
} from '../support/mailbox';

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
  // Two browsers and some thirty steps: ~20 s alone, over 30 s on a busy CI machine.
  test.setTimeout(60_000);
  const owner = `owner-${randomUUID()}@example.com`;
  const invitee = `invitee-${randomUUID()}@example.com`;
  await signedInCookie(request, owner);
  await signedInCookie(request, invitee);
  const team = `Acme ${randomUUID().slice(0, 6)}`;

  await signIn(page, owner, '/dashboard/organizations');
  await expect(page).toHaveURL(/\/dashboard\/organizations$/);
  await expect(page.getByRole('listitem', { name: 'Personal workspace' })).toContainText('owner');
  await expect(page.getByText('No teams yet')).toBeVisible();
  const slug = `acme-${randomUUID().slice(0, 8)}`;
  await page.getByLabel('Team name').fill(team);
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByRole('button', { name: 'Create team' }).click();
  // The team has its own address.
  await expect(page).toHaveURL(new RegExp(`/dashboard/organizations/${slug}$`));
  await expect(page.getByRole('heading', { name: `Members of ${team}` })).toBeVisible();
  await page.getByLabel('Their email').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('row', { name: `Invitation to ${invitee}` })).toBeVisible();

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
  await expect(theirs.getByRole('listitem', { name: `Team ${team}` })).toContainText('2 members');
  await theirs.getByRole('link', { name: `Open ${team}` }).click();
  await expect(theirs.getByRole('row', { name: `Member ${owner}` })).toContainText('owner');
  await expect(theirs.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);

  // A member makes a key that acts only in the team.
  await theirs.getByLabel('Name', { exact: true }).fill('Their CI');
  await theirs.getByRole('button', { name: 'Create key' }).click();
  await expect(theirs.getByLabel('New API key')).toBeVisible();
  await expect(theirs.getByRole('listitem', { name: 'API key Their CI' })).toContainText('active');

  // The owner sees it in the team's activity.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
    `organization.joined by ${invitee}`,
  );

  // Made an admin, they may invite.
  await page.getByLabel(`Role of ${invitee}`).selectOption('admin');
  await expect(page.getByLabel(`Role of ${invitee}`)).toHaveValue('admin');
  await theirs.reload();
  await expect(theirs.getByRole('button', { name: 'Send invitation' })).toBeVisible();

  // Removed (once the dialog is confirmed), the team is gone from their list.
  await page.getByRole('button', { name: `Remove ${invitee}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Remove ${invitee} from ${team}?` });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: `Member ${invitee}` })).toHaveCount(0);
  // Their key went with their membership.
  await expect(page.getByRole('listitem', { name: 'API key Their CI' })).toContainText(
    `by a former member`,
  );
  await expect(page.getByRole('listitem', { name: 'API key Their CI' })).toContainText('revoked');
  await theirs.reload();
  await expect(theirs.getByRole('heading', { name: 'No such team' })).toBeVisible();
  await theirs.goto('/dashboard/organizations');
  await expect(theirs.getByRole('listitem', { name: 'Personal workspace' })).toContainText('owner');
  await expect(theirs.getByRole('link', { name: `Open ${team}` })).toHaveCount(0);
  await other.close();
  // The owner's list counts the team down to them again.
  await page.goto('/dashboard/organizations');
  const card = page.getByRole('listitem', { name: `Team ${team}` });
  await expect(card).toContainText('1 member');
  await expect(card).not.toContainText('members');
});

test('two tabs on two organizations each act in their own; the switcher moves between them', async ({
  page,
  request,
}) => {
  // Two tabs, two reloads and a switch: about 15 s alone, past 30 s on a busy 2-core machine.
  test.setTimeout(60_000);
  const owner = `tabs-${randomUUID()}@example.com`;
  const cookie = await signedInCookie(request, owner);
  const teams = [] as { name: string; slug: string }[];
  for (const letter of ['A', 'B']) {
    const team = {
      name: `Team ${letter} ${randomUUID().slice(0, 4)}`,
      slug: `t${letter.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    };
    const made = await request.post('/api/v1/organizations', { headers: { cookie }, data: team });
    expect(made.status()).toBe(201);
    teams.push(team);
  }
  const [a, b] = teams as [{ name: string; slug: string }, { name: string; slug: string }];
  await signIn(page, owner, `/dashboard/organizations/${a.slug}`);
  await expect(page.getByRole('heading', { name: a.name, level: 1 })).toBeVisible();
  const tabB = await page.context().newPage();
  await tabB.goto(`/dashboard/organizations/${b.slug}`);
  await expect(tabB.getByRole('heading', { name: b.name, level: 1 })).toBeVisible();

  // Each tab acts in the organization its address names, whatever the other does.
  const invitee = `tab-invitee-${randomUUID()}@example.com`;
  await page.getByLabel('Their email').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('row', { name: `Invitation to ${invitee}` })).toBeVisible();
  await tabB.getByLabel('Name', { exact: true }).fill('Key of B');
  await tabB.getByRole('button', { name: 'Create key' }).click();
  await expect(tabB.getByRole('listitem', { name: 'API key Key of B' })).toBeVisible();
  await page.reload();
  await tabB.reload();
  await expect(page.getByRole('row', { name: `Invitation to ${invitee}` })).toBeVisible();
  // Loaded, and without the other tab's key or invitation.
  await expect(page.getByText('No keys yet. Create one above.')).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'API key Key of B' })).toHaveCount(0);
  await expect(tabB.getByRole('listitem', { name: 'API key Key of B' })).toBeVisible();
  await expect(tabB.getByText('No open invitations')).toBeVisible();
  await expect(tabB.getByRole('row', { name: `Invitation to ${invitee}` })).toHaveCount(0);

  // The switcher in the dashboard's shell says where a tab is, and moves it.
  await expect(page.getByLabel('Organization', { exact: true })).toHaveValue(a.slug);
  await page.getByLabel('Organization', { exact: true }).selectOption(b.slug);
  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/organizations/${b.slug}$`));
  await expect(page.getByRole('heading', { name: b.name, level: 1 })).toBeVisible();
  await expect(page.getByLabel('Organization', { exact: true })).toHaveValue(b.slug);
  await page.getByLabel('Organization', { exact: true }).selectOption('Create a team…');
  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByRole('heading', { name: 'Create a team' })).toBeVisible();
});

test('a link that no longer works says so, and offers no button to try again', async ({
  page,
  request,
}) => {
  const email = `stale-link-${randomUUID()}@example.com`;
  await signedInCookie(request, email);
  const path = `/invitations/accept?token=${'A'.repeat(43)}`;
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept the invitation' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Go to your organizations' })).toBeVisible();
});

test('an owner deletes a team only with its slug typed in the dialog', async ({
  page,
  request,
  context,
  baseURL,
}) => {
  const owner = `deleter-${randomUUID()}@example.com`;
  const cookie = await signedInCookie(request, owner);
  const team = {
    name: `Doomed ${randomUUID().slice(0, 4)}`,
    slug: `doomed-${randomUUID().slice(0, 8)}`,
  };
  const made = await request.post('/api/v1/organizations', { headers: { cookie }, data: team });
  expect(made.status()).toBe(201);
  // The team's page opened straight from its address, in a session made for the test.
  await addSessionCookie(context, cookie, baseURL!);
  await page.goto(`/dashboard/organizations/${team.slug}`);
  await page.getByRole('button', { name: `Delete ${team.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${team.name}?` });
  const confirm = dialog.getByRole('button', { name: 'Delete the team' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${team.slug} to confirm`).fill(team.slug);
  await confirm.click();
  await expect(page).toHaveURL(/\/dashboard\/organizations$/);
  await expect(page.getByText(`Deleted ${team.name}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: `Open ${team.name}` })).toHaveCount(0);
});
