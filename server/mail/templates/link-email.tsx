import { EmailLayout, Paragraph } from './layout';
import { renderEmail } from './render';

/** A mail that says one thing and links to one page: its words are all it needs. */
export type LinkEmailWords = { subject: string; intro: string; action: string; reason: string };

function LinkEmail({ words, url }: { words: LinkEmailWords; url: string }) {
  return (
    <EmailLayout
      preview={words.intro}
      heading={words.subject}
      action={{ label: words.action, url }}
      reason={words.reason}
    >
      <Paragraph>{words.intro}</Paragraph>
    </EmailLayout>
  );
}

/** The function that renders such a mail to `to`, linking to `url`. */
export const linkEmail = (words: LinkEmailWords) => (to: string, url: string) =>
  renderEmail(to, words.subject, <LinkEmail words={words} url={url} />);
