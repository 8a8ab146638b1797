import { EmailLayout, Paragraph, PRODUCT_NAME } from './layout';
import { renderEmail } from './render';

const words = {
  subject: 'Your email address is being changed',
  intro: (newEmail: string) =>
    `Someone asked to change the email of your ${PRODUCT_NAME} account to ${newEmail}. It changes once the new address is confirmed.`,
  warning: 'If this was not you, reset your password now.',
  action: 'Reset my password',
  reason: `You got this email because it is the current address of a ${PRODUCT_NAME} account, and a change of address is always told to the old one.`,
};

function EmailChangeNoticeEmail({ newEmail, url }: { newEmail: string; url: string }) {
  return (
    <EmailLayout
      preview={words.intro(newEmail)}
      heading={words.subject}
      action={{ label: words.action, url }}
      reason={words.reason}
    >
      <Paragraph>{words.intro(newEmail)}</Paragraph>
      <Paragraph>{words.warning}</Paragraph>
    </EmailLayout>
  );
}

/** Tells the old address, so an account takeover does not go unnoticed. */
export const emailChangeNoticeEmail = (to: string, newEmail: string, url: string) =>
  renderEmail(to, words.subject, <EmailChangeNoticeEmail newEmail={newEmail} url={url} />);
