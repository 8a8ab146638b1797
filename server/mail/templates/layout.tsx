import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';

import type { Locale } from '@/server/i18n/locales';

import { mailWords } from './words';

// Everything inline and local: mail clients block remote images and fonts by
// default, and a mail that needs them looks broken exactly when it matters.
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INDIGO = '#4f46e5';
const MUTED = '#6b7280';

export const PRODUCT_NAME = 'Lean SaaS';

export type LayoutProps = {
  /** The reader's language: the mail's `lang`, and the layout's own words. */
  locale: Locale;
  /** The line inbox lists show after the subject. */
  preview: string;
  heading: string;
  /** The one thing the mail asks the reader to do. */
  action: { label: string; url: string };
  /** Why the reader got this mail, in the footer. */
  reason: string;
  children: ReactNode;
};

/** One look for every mail: the product's name, a heading, a button, and why it came. */
export function EmailLayout({ locale, preview, heading, action, reason, children }: LayoutProps) {
  const t = mailWords(locale);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f9fafb', fontFamily: FONT, margin: 0, padding: '24px 0' }}>
        <Container
          style={{
            backgroundColor: '#ffffff',
            border: '1px solid #e5e7eb',
            borderRadius: '8px',
            maxWidth: '480px',
            padding: '32px',
          }}
        >
          <Text style={{ color: INDIGO, fontSize: '18px', fontWeight: 700, margin: 0 }}>
            {PRODUCT_NAME}
          </Text>
          <Heading as="h1" style={{ color: '#111827', fontSize: '22px', margin: '24px 0 8px' }}>
            {heading}
          </Heading>
          {children}
          <Section style={{ margin: '24px 0' }}>
            <Button
              href={action.url}
              style={{
                backgroundColor: INDIGO,
                borderRadius: '6px',
                color: '#ffffff',
                fontSize: '15px',
                fontWeight: 600,
                padding: '12px 20px',
              }}
            >
              {action.label}
            </Button>
          </Section>
          {/* The text part already shows the link after the button's label. */}
          <Text data-skip-in-text style={{ color: MUTED, fontSize: '13px', margin: '0 0 4px' }}>
            {t('layout.fallback')}
          </Text>
          <Text data-skip-in-text style={{ fontSize: '13px', margin: 0, wordBreak: 'break-all' }}>
            <Link href={action.url} style={{ color: INDIGO }}>
              {action.url}
            </Link>
          </Text>
          <Hr style={{ borderColor: '#e5e7eb', margin: '24px 0 16px' }} />
          <Text style={{ color: MUTED, fontSize: '12px', lineHeight: '18px', margin: 0 }}>
            {reason}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A paragraph of a mail's body, in the layout's type. */
export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: '#374151', fontSize: '15px', lineHeight: '24px', margin: '0 0 12px' }}>
      {children}
    </Text>
  );
}
