import { createTranslator } from 'next-intl';

import type { Locale } from '@/server/i18n/locales';
import { MESSAGES } from '@/server/i18n/messages';

/**
 * A mail's words in `locale`: the `mail` namespace
 * (server/i18n/messages/<locale>/mail.json). next-intl's translator needs no React
 * and no request, so a mail rendered after the response speaks the same language.
 */
export const mailWords = (locale: Locale) =>
  createTranslator({ locale, messages: MESSAGES[locale].mail });

export type MailWords = ReturnType<typeof mailWords>;
