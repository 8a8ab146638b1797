import { Text } from '@react-email/components';

import type { Locale } from '@/server/i18n/locales';

import { EmailLayout, Paragraph, PRODUCT_NAME } from './layout';
import { renderEmail } from './render';
import { mailWords } from './words';

type Props = { locale: Locale; url: string; code: string };

function SignInEmail({ locale, url, code }: Props) {
  const t = mailWords(locale);
  const values = { product: PRODUCT_NAME, minutes: 15 };
  return (
    <EmailLayout
      locale={locale}
      preview={t('signIn.intro', values)}
      heading={t('signIn.subject', values)}
      action={{ label: t('signIn.action', values), url }}
      reason={t('signIn.reason', values)}
    >
      <Paragraph>{t('signIn.intro', values)}</Paragraph>
      <Paragraph>{t('signIn.codeIntro', values)}</Paragraph>
      {/* Spaced wide and monospaced so it reads and copies without mistakes. */}
      <Text
        style={{
          fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
          fontSize: '28px',
          fontWeight: 700,
          letterSpacing: '6px',
          margin: '0 0 12px',
        }}
      >
        {code}
      </Text>
    </EmailLayout>
  );
}

/** A passwordless sign-in mail: a link and a code, either works once, for 15 minutes. */
export const signInEmail = (locale: Locale, to: string, url: string, code: string) =>
  renderEmail(
    to,
    mailWords(locale)('signIn.subject', { product: PRODUCT_NAME }),
    <SignInEmail locale={locale} url={url} code={code} />,
  );
