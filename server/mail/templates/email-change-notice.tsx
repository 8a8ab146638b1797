import type { Locale } from '@/server/i18n/locales';

import { PRODUCT_NAME } from './layout';
import { renderLinkEmail } from './link-email';
import { mailWords } from './words';

/** Tells the old address, so an account takeover does not go unnoticed. */
export function emailChangeNoticeEmail(locale: Locale, to: string, newEmail: string, url: string) {
  const t = mailWords(locale);
  const values = { product: PRODUCT_NAME, newEmail };
  return renderLinkEmail(locale, to, url, {
    subject: t('emailChangeNotice.subject'),
    paragraphs: [t('emailChangeNotice.intro', values), t('emailChangeNotice.warning')],
    action: t('emailChangeNotice.action'),
    reason: t('emailChangeNotice.reason', values),
  });
}
