import { describe, expect, it } from 'vitest';

import type { Locale } from '@/server/i18n/locales';

import type { EmailMessage } from '../mailer';
import {
  accountExistsEmail,
  emailChangeEmail,
  emailChangeNoticeEmail,
  invitationEmail,
  passwordResetEmail,
  signInEmail,
  verificationEmail,
} from '.';

const url = 'https://app.example/some-page?token=abc123&x=1';
const htmlUrl = url.replace('&', '&amp;');

const invitation = {
  to: 'a@example.com',
  organizationName: 'Acme',
  inviter: 'grace@example.com',
  url,
  days: 7,
};

type Case = [string, (locale: Locale) => Promise<EmailMessage>, Record<Locale, string>];
const cases: Case[] = [
  [
    'verification',
    (locale) => verificationEmail(locale, 'a@example.com', url),
    { en: 'Confirm your email address', de: 'Bestätigen Sie Ihre E-Mail-Adresse' },
  ],
  [
    'password reset',
    (locale) => passwordResetEmail(locale, 'a@example.com', url),
    { en: 'Reset your password', de: 'Setzen Sie Ihr Passwort zurück' },
  ],
  [
    'sign-in',
    (locale) => signInEmail(locale, 'a@example.com', url, '042917'),
    { en: 'Sign in to Lean SaaS', de: 'Bei Lean SaaS anmelden' },
  ],
  [
    'account exists',
    (locale) => accountExistsEmail(locale, 'a@example.com', url),
    { en: 'You already have an account', de: 'Sie haben bereits ein Konto' },
  ],
  [
    'email change',
    (locale) => emailChangeEmail(locale, 'a@example.com', url),
    { en: 'Confirm your new email address', de: 'Bestätigen Sie Ihre neue E-Mail-Adresse' },
  ],
  [
    'email change notice',
    (locale) => emailChangeNoticeEmail(locale, 'a@example.com', 'b@example.com', url),
    { en: 'Your email address is being changed', de: 'Ihre E-Mail-Adresse wird geändert' },
  ],
  [
    'invitation',
    (locale) => invitationEmail(locale, invitation),
    { en: 'Join Acme on Lean SaaS', de: 'Einladung zu Acme auf Lean SaaS' },
  ],
];

/** How each language's footer begins. */
const reason: Record<Locale, string> = {
  en: 'You got this email because',
  de: 'Sie erhalten diese E-Mail, weil',
};

describe.each(cases)('the %s mail', (_, build, subjects) => {
  it.each(['en', 'de'] as const)(
    'in %s: its subject, both parts with its link, and the product look',
    async (locale) => {
      const email = await build(locale);
      const subject = subjects[locale];
      expect(email).toMatchObject({ to: 'a@example.com', subject });
      expect(email.id).toMatch(/^[0-9a-f-]{36}$/);

      // The HTML: its language, the product's name, the indigo button, the link written out.
      expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
      expect(email.html).toContain('Lean SaaS');
      expect(email.html).toMatch(
        new RegExp(`<a href="${escape(htmlUrl)}"[^>]*background-color:#4f46e5`),
      );
      expect(email.html).toContain(`>${htmlUrl}</a>`);
      expect(email.html).toContain(reason[locale]);

      // The text part: the same words, the link once, no markup.
      expect(email.text).toContain(subject);
      expect(email.text).toContain(url);
      expect(email.text.split(url)).toHaveLength(2);
      expect(email.text).toContain(reason[locale]);
      expect(email.text).not.toMatch(/<[a-z]/i);
    },
  );

  it('says it all in German: no sentence of the English mail is left', async () => {
    const [english, german] = await Promise.all([build('en'), build('de')]);
    expect(german.subject).not.toBe(english.subject);
    const sentences = (text: string) =>
      text
        .split('\n')
        .map((line) => line.replace(url, '').trim())
        .filter((line) => /[a-z]{3}/i.test(line) && line !== 'Lean SaaS');
    const germanLines = new Set(sentences(german.text));
    for (const line of sentences(english.text)) expect(germanLines).not.toContain(line);
    expect(german.html).not.toContain('Button not working?');
    expect(german.html).toContain('Kopieren Sie diesen Link in Ihren Browser');
  });

  it('loads nothing from elsewhere: no remote images, fonts or style sheets', async () => {
    const { html } = await build('en');
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).not.toMatch(/(src|srcset|background)="https?:/i);
  });
});

it('writes what the reader typed as text, never as markup', async () => {
  const email = await invitationEmail('en', {
    ...invitation,
    organizationName: '<b>Acme</b>',
    inviter: 'Eve "<script>"',
  });
  expect(email.html).not.toMatch(/<b>|<script>/);
  expect(email.html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
  expect(email.text).toContain('Eve "<script>" invited you to join <b>Acme</b>.');
});

it('names the inviter, or a member when the inviter has no address', async () => {
  const named = await invitationEmail('de', invitation);
  expect(named.text).toContain('grace@example.com hat Sie eingeladen, Acme beizutreten.');
  expect(named.text).toContain('Der Link gilt 7 Tage.');
  const anonymous = await invitationEmail('en', { ...invitation, inviter: null, days: 1 });
  expect(anonymous.text).toContain('A member invited you to join Acme.');
  expect(anonymous.text).toContain('The link works for 1 day.');
});

it('names the new address in the notice to the old one', async () => {
  const email = await emailChangeNoticeEmail('en', 'old@example.com', 'new@example.com', url);
  expect(email.text).toContain('to new@example.com');
  expect(email.text).toContain('If this was not you, reset your password now.');
  const german = await emailChangeNoticeEmail('de', 'old@example.com', 'new@example.com', url);
  expect(german.text).toContain('in new@example.com ändern');
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

it('shows the sign-in code in both parts, with how long it works', async () => {
  const email = await signInEmail('en', 'a@example.com', url, '042917');
  expect(email.html).toContain('>042917</p>');
  expect(email.text).toContain('042917');
  expect(email.text).toContain('It works once, for 15 minutes.');
  const german = await signInEmail('de', 'a@example.com', url, '042917');
  expect(german.text).toContain('15 Minuten lang');
});
