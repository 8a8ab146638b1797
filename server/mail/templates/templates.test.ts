import { describe, expect, it } from 'vitest';

import type { EmailMessage } from '../mailer';
import {
  accountExistsEmail,
  emailChangeEmail,
  emailChangeNoticeEmail,
  invitationEmail,
  passwordResetEmail,
  verificationEmail,
} from '.';

const url = 'https://app.example/some-page?token=abc123&x=1';
const htmlUrl = url.replace('&', '&amp;');

const cases: [string, () => Promise<EmailMessage>, string][] = [
  ['verification', () => verificationEmail('a@example.com', url), 'Confirm your email address'],
  ['password reset', () => passwordResetEmail('a@example.com', url), 'Reset your password'],
  ['account exists', () => accountExistsEmail('a@example.com', url), 'You already have an account'],
  ['email change', () => emailChangeEmail('a@example.com', url), 'Confirm your new email address'],
  [
    'email change notice',
    () => emailChangeNoticeEmail('a@example.com', 'b@example.com', url),
    'Your email address is being changed',
  ],
  [
    'invitation',
    () => invitationEmail('a@example.com', 'Acme', 'grace@example.com', url),
    'Join Acme on Lean SaaS',
  ],
];

describe.each(cases)('the %s mail', (_, build, subject) => {
  it('has its subject, both parts with its link, and the product look', async () => {
    const email = await build();
    expect(email).toMatchObject({ to: 'a@example.com', subject });
    expect(email.id).toMatch(/^[0-9a-f-]{36}$/);

    // The HTML: the product's name, the indigo button, and the link written out.
    expect(email.html).toContain('Lean SaaS');
    expect(email.html).toMatch(
      new RegExp(`<a href="${escape(htmlUrl)}"[^>]*background-color:#4f46e5`),
    );
    expect(email.html).toContain(`>${htmlUrl}</a>`);
    expect(email.html).toContain('You got this email because');

    // The text part: the same words, the link once, no markup.
    expect(email.text).toContain(subject);
    expect(email.text).toContain(url);
    expect(email.text.split(url)).toHaveLength(2);
    expect(email.text).toContain('You got this email because');
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it('loads nothing from elsewhere: no remote images, fonts or style sheets', async () => {
    const { html } = await build();
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).not.toMatch(/(src|srcset|background)="https?:/i);
  });
});

it('writes what the reader typed as text, never as markup', async () => {
  const email = await invitationEmail('a@example.com', '<b>Acme</b>', 'Eve "<script>"', url);
  expect(email.html).not.toMatch(/<b>|<script>/);
  expect(email.html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
  expect(email.text).toContain('Eve "<script>" invited you to join <b>Acme</b>.');
});

it('names the new address in the notice to the old one', async () => {
  const email = await emailChangeNoticeEmail('old@example.com', 'new@example.com', url);
  expect(email.text).toContain('to new@example.com');
  expect(email.text).toContain('If this was not you, reset your password now.');
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
