import type { Locale } from '@/server/i18n/locales';

import { PRODUCT_NAME } from './layout';
import { renderLinkEmail } from './link-email';
import { mailWords } from './words';

export type Invitation = {
  to: string;
  organizationName: string;
  /** How the mail names whoever invited (their address); null says "A member". */
  inviter: string | null;
  url: string;
  /** How many days the link works. */
  days: number;
};

/** An invitation to someone who may have no account yet, in the inviter's language. */
export function invitationEmail(locale: Locale, invitation: Invitation) {
  const { to, organizationName, inviter, url, days } = invitation;
  const t = mailWords(locale);
  const values = {
    product: PRODUCT_NAME,
    organizationName,
    inviter: inviter ?? t('invitation.someone'),
    to,
    days,
  };
  return renderLinkEmail(locale, to, url, {
    subject: t('invitation.subject', values),
    paragraphs: [t('invitation.intro', values), t('invitation.how', values)],
    action: t('invitation.action'),
    reason: t('invitation.reason', values),
  });
}
