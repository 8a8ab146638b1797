import { describe, expect, it } from 'vitest';

import { localeOfRequest } from './request-locale';

const headers = (init: Record<string, string>) => new Headers(init);

describe('localeOfRequest', () => {
  it('is English without any hint', () => {
    expect(localeOfRequest(headers({}))).toBe('en');
    expect(localeOfRequest(headers({ 'accept-language': 'fr-FR,fr;q=0.9' }))).toBe('en');
  });

  it('follows Accept-Language', () => {
    expect(localeOfRequest(headers({ 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' }))).toBe('de');
  });

  it('prefers the locale cookie to Accept-Language, and ignores one it does not know', () => {
    const german = 'de-DE,de;q=0.9';
    expect(localeOfRequest(headers({ cookie: 'a=1; locale=en', 'accept-language': german }))).toBe(
      'en',
    );
    expect(localeOfRequest(headers({ cookie: 'locale=de' }))).toBe('de');
    expect(localeOfRequest(headers({ cookie: 'locale=xx', 'accept-language': german }))).toBe('de');
    expect(localeOfRequest(headers({ cookie: 'xlocale=de; locale=%E0' }))).toBe('en');
  });

  it('prefers the profile setting to both', () => {
    const request = headers({ cookie: 'locale=en', 'accept-language': 'en' });
    expect(localeOfRequest(request, 'de')).toBe('de');
    expect(localeOfRequest(request, null)).toBe('en');
    expect(localeOfRequest(request, 'xx')).toBe('en');
  });
});
