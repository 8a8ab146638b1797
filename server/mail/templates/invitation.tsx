import { EmailLayout, Paragraph, PRODUCT_NAME } from './layout';
import { renderEmail } from './render';

type Props = { to: string; organizationName: string; inviter: string; url: string };

const words = {
  subject: ({ organizationName }: Props) => `Join ${organizationName} on ${PRODUCT_NAME}`,
  intro: ({ inviter, organizationName }: Props) =>
    `${inviter} invited you to join ${organizationName}.`,
  how: ({ to }: Props) =>
    `Sign in or create an account with this address (${to}), then accept. The link works for 7 days.`,
  action: 'Accept the invitation',
  reason: ({ organizationName }: Props) =>
    `You got this email because a member of ${organizationName} invited this address on ${PRODUCT_NAME}. If you do not want to join, ignore it.`,
};

function InvitationEmail(props: Props) {
  return (
    <EmailLayout
      preview={words.intro(props)}
      heading={words.subject(props)}
      action={{ label: words.action, url: props.url }}
      reason={words.reason(props)}
    >
      <Paragraph>{words.intro(props)}</Paragraph>
      <Paragraph>{words.how(props)}</Paragraph>
    </EmailLayout>
  );
}

export function invitationEmail(
  to: string,
  organizationName: string,
  inviter: string,
  url: string,
) {
  const props = { to, organizationName, inviter, url };
  return renderEmail(to, words.subject(props), <InvitationEmail {...props} />);
}
