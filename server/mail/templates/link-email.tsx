import type { Locale } from '@/server/i18n/locales';

import { EmailLayout, Paragraph, PRODUCT_NAME } from './layout';
import { renderEmail } from './render';
import { mailWords } from './words';

/** What a mail says: its subject (also its heading), its paragraphs, its button, why it came. */
export type MailText = { subject: string; paragraphs: string[]; action: string; reason: string };

function LinkEmail({ locale, text, url }: { locale: Locale; text: MailText; url: string }) {
  return (
    <EmailLayout
      locale={locale}
      preview={text.paragraphs[0] ?? text.subject}
      heading={text.subject}
      action={{ label: text.action, url }}
      reason={text.reason}
    >
      {text.paragraphs.map((paragraph) => (
        <Paragraph key={paragraph}>{paragraph}</Paragraph>
      ))}
    </EmailLayout>
  );
}

/** A mail to `to` in `locale` whose one button links to `url`. */
export const renderLinkEmail = (locale: Locale, to: string, url: string, text: MailText) =>
  renderEmail(to, text.subject, <LinkEmail locale={locale} text={text} url={url} />);

/** The mails that say one thing, their words named by the mail alone. */
type SimpleMail = 'accountExists' | 'emailChange' | 'passwordReset' | 'verification';

/** The function that renders such a mail to `to` in `locale`, linking to `url`. */
export const linkEmail = (mail: SimpleMail) => (locale: Locale, to: string, url: string) => {
  const t = mailWords(locale);
  const values = { product: PRODUCT_NAME };
  return renderLinkEmail(locale, to, url, {
    subject: t(`${mail}.subject`, values),
    paragraphs: [t(`${mail}.intro`, values)],
    action: t(`${mail}.action`, values),
    reason: t(`${mail}.reason`, values),
  });
};
