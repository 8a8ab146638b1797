import { describe, expect, it } from 'vitest';

import { PLATFORM_WORDS, toPublicError, AppError } from '@/server/platform/http/errors';
import { asNewCaller, signedInUser, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi, trpcBody } from '@/test/helpers/api-client';

import { errorLanguageOf, said, translateErrors } from './error-words';
import { MESSAGES } from './messages';

const { api, db } = testApi();

describe('error words', () => {
  it("keep the platform's English in one place: errors.platform says what PLATFORM_WORDS says", () => {
    expect(MESSAGES.en.errors.platform).toEqual(PLATFORM_WORDS);
  });

  it('carry the English text for logs, and translate with their values', () => {
    const words = said('organizations.alreadyMember', { email: 'ada@example.com' });
    expect(words.text).toBe('ada@example.com is already a member.');
    expect(translateErrors('de')(words)).toBe('ada@example.com ist bereits Mitglied.');
  });

  it('follow Accept-Language, with English for anything else', () => {
    const words = said('auth.signInFailed');
    const inLanguage = (header: string) =>
      errorLanguageOf(new Headers(header ? { 'accept-language': header } : {}))(words);
    expect(inLanguage('de-CH,de;q=0.9')).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    expect(inLanguage('fr-FR,en;q=0.5')).toBe('The email or password is incorrect.');
    expect(inLanguage('')).toBe('The email or password is incorrect.');
  });

  it("translate an error's field messages too, and keep its code and details", () => {
    const error = new AppError('CONFLICT', said('organizations.slugTaken'), {
      fields: [{ path: 'slug', message: said('organizations.slugTakenField') }],
      reason: 'taken',
    });
    expect(toPublicError(error, translateErrors('de'))).toEqual({
      code: 'CONFLICT',
      status: 409,
      message: 'Dieser Slug ist vergeben: Wählen Sie einen anderen.',
      details: { fields: [{ path: 'slug', message: 'ist vergeben' }], reason: 'taken' },
    });
    expect(toPublicError(error).message).toBe('That slug is taken: choose another.');
  });
});

describe('API errors in the caller’s language', () => {
  it('REST: a refused key answers in German for Accept-Language: de, with the same code', async () => {
    const headers = { authorization: 'Bearer sk_test_not-a-key', 'accept-language': 'de' };
    const german = await api.rest('/me', { headers });
    expect(german.status).toBe(401);
    expect((await german.json()).error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Der API-Schlüssel ist fehlerhaft oder vertippt.',
    });
    const english = await api.rest('/me', { headers: { authorization: headers.authorization } });
    expect((await english.json()).error.message).toBe('The API key is malformed or mistyped.');
  });

  it('REST: a validation error names its fields in German, the field paths unchanged', async () => {
    const response = await api.postJson(
      '/auth/sign-up',
      { email: 'nobody@example.com', password: 'short', displayName: 'Ada' },
      { ...asNewCaller(), 'accept-language': 'de' },
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields).toContainEqual({
      path: 'password',
      message: expect.stringMatching(/^Das Passwort muss mindestens \d+ Zeichen lang sein\.$/),
    });
  });

  it('tRPC: what the dashboard shows follows the language its client sends', async () => {
    const { cookie } = await signedInUser(api, db());
    const change = (language: string) =>
      api.postTrpc(
        'auth.changePassword',
        { currentPassword: `not ${TEST_PASSWORD}`, newPassword: 'a new and long passphrase' },
        { cookie, 'accept-language': language, ...asNewCaller() },
      );
    const german = await trpcBody(await change('de'));
    expect(german.error.message).toBe('Das aktuelle Passwort ist falsch.');
    expect(german.error.data).toMatchObject({
      code: 'FORBIDDEN',
      details: {
        fields: [{ path: 'currentPassword', message: 'Das aktuelle Passwort ist falsch.' }],
      },
    });
    const english = await trpcBody(await change('en'));
    expect(english.error.message).toBe('The current password is incorrect.');
  });
});
