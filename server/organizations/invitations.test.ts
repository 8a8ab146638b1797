import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { withRls, withServiceRole } from '@/db/rls';
import { asNewCaller, lastMailTo, newTestEmail, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { organizationSteps } from '@/test/helpers/organizations';
import { testScope } from '@/test/helpers/scope';

import { acceptInvitation } from './invitations';

const { api, db } = testApi();
const { call, teamOf, invite } = organizationSteps(api, db);

describe('invitations', () => {
  it("invites in the inviter's language when the invitee has no account", async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const email = newTestEmail();
    const sent = await api.postJson(
      `/organizations/${org}/invitations`,
      { email, role: 'member' },
      { cookie: ada.cookie, 'accept-language': 'de-DE,de;q=0.9', ...asNewCaller() },
    );
    expect(sent.status).toBe(201);
    const { message, link } = await lastMailTo(db(), email);
    expect(message.subject).toBe('Einladung zu Acme auf Lean SaaS');
    expect(message.textBody).toContain(`${ada.email} hat Sie eingeladen, Acme beizutreten.`);
    expect(link.pathname).toBe('/invitations/accept');
  });

  it("invites someone who has an account in their own language, and else in the inviter's setting", async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const bea = await signedInUser(api, db());
    await call(bea, 'PATCH', '/me', { locale: 'de' });
    await invite(ada, org, bea.email, 'member');
    expect((await lastMailTo(db(), bea.email)).message.subject).toBe(
      'Einladung zu Acme auf Lean SaaS',
    );

    // A stranger, invited by someone who chose German on their profile (no header says so).
    await call(ada, 'PATCH', '/me', { locale: 'de' });
    const stranger = newTestEmail();
    await invite(ada, org, stranger, 'member');
    expect((await lastMailTo(db(), stranger)).message.subject).toBe(
      'Einladung zu Acme auf Lean SaaS',
    );
  });

  it('invites by email: the invitee accepts with that address, once, and joins with the role', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const email = newTestEmail();
    const { token } = await invite(ada, org, email, 'admin');
    const mail = await lastMailTo(db(), email);
    expect(mail.message.subject).toBe('Join Acme on Lean SaaS');
    expect(mail.link.pathname).toBe('/invitations/accept');

    const carol = await signedInUser(api, db());
    const wrong = await call(carol, 'POST', '/invitations/accept', { token });
    expect(wrong.status).toBe(403);
    expect(wrong.error?.message).toMatch(/another email address/);

    const bob = await signedInUser(api, db(), { email });
    const [first, second] = await Promise.all([
      call(bob, 'POST', '/invitations/accept', { token }),
      call(bob, 'POST', '/invitations/accept', { token }),
    ]);
    expect([first.data.joined, second.data.joined].sort()).toEqual([false, true]);
    const members = await call(ada, 'GET', `/organizations/${org}/members`);
    expect(members.data.items).toEqual([
      expect.objectContaining({ userId: ada.userId, role: 'owner', email: ada.email }),
      expect.objectContaining({ userId: bob.userId, role: 'admin', email }),
    ]);
    // Used: nobody else can take it, and inviting a member again is a conflict.
    expect((await call(carol, 'POST', '/invitations/accept', { token })).status).toBe(404);
    const again = await call(ada, 'POST', `/organizations/${org}/invitations`, { email });
    expect(again.status).toBe(409);
  });

  it('asks an invitee whose address is not confirmed to confirm it first', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const email = newTestEmail();
    const { token } = await invite(ada, org, email);
    const unconfirmed = crypto.randomUUID();
    await withServiceRole(db(), (tx) =>
      tx.execute(sql`insert into auth.users (id, email) values (${unconfirmed}, ${email})`),
    );
    const refused = await withRls(db(), { role: 'authenticated', sub: unconfirmed }, (tx) =>
      acceptInvitation(tx, unconfirmed, token, testScope()),
    ).catch((error: Error) => error.message);
    expect(refused).toMatch(/Confirm your email address first/);
  });

  it('refuses revoked, replaced, expired and tampered invitation links', async () => {
    const ada = await signedInUser(api, db());
    const org = await teamOf(ada);
    const email = newTestEmail();
    const bob = await signedInUser(api, db(), { email });

    const first = await invite(ada, org, email);
    const resent = await call(ada, 'POST', `/organizations/${org}/invitations/${first.id}/resend`);
    expect(resent.status).toBe(200);
    const { token: second } = await lastMailTo(db(), email);
    expect(second).not.toBe(first.token);
    expect((await call(bob, 'POST', '/invitations/accept', { token: first.token })).status).toBe(
      404,
    );
    const tampered = `${second!.slice(0, -1)}${second!.endsWith('A') ? 'B' : 'A'}`;
    expect((await call(bob, 'POST', '/invitations/accept', { token: tampered })).status).toBe(404);
    expect((await call(bob, 'POST', '/invitations/accept', { token: 'short' })).status).toBe(400);

    await withServiceRole(db(), (tx) =>
      tx.execute(
        sql`update invitations set expires_at = now() - interval '1 second' where id = ${first.id}`,
      ),
    );
    const expired = await call(bob, 'POST', '/invitations/accept', { token: second });
    expect(expired.status).toBe(409);
    expect(expired.error?.message).toMatch(/expired/);

    // The expired invitation blocks nothing: inviting the address again closes it.
    const third = await invite(ada, org, email);
    const closed = await call(bob, 'POST', '/invitations/accept', { token: second });
    expect(closed.status).toBe(409);
    expect(closed.error?.message).toMatch(/expired/);
    const revoked = await call(ada, 'DELETE', `/organizations/${org}/invitations/${third.id}`);
    expect(revoked.status).toBe(200);
    expect((await call(bob, 'POST', '/invitations/accept', { token: third.token })).status).toBe(
      404,
    );
    expect((await call(ada, 'GET', `/organizations/${org}/invitations`)).data.items).toEqual([]);
    const members = await call(ada, 'GET', `/organizations/${org}/members`);
    expect(members.data.items).toHaveLength(1);
  });
});
