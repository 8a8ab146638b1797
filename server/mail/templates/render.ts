import { randomUUID } from 'node:crypto';

import { render, toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';

import type { EmailMessage } from '../mailer';

// html-to-text shouts headings (uppercase) by default; a subject line should read
// the same in both parts.
const TEXT_OPTIONS = { selectors: [{ selector: 'h1', options: { uppercase: false } }] };

/**
 * One template, both parts: the HTML, and the plain text React Email derives from
 * that same HTML (what `render(…, { plainText: true })` does, without rendering
 * twice). The id is this message's, fixed here: a retried send of it is the same
 * message, a newly built one is not (see resendMailer).
 */
export async function renderEmail(
  to: string,
  subject: string,
  template: ReactElement,
): Promise<EmailMessage> {
  const html = await render(template);
  return { id: randomUUID(), to, subject, html, text: toPlainText(html, TEXT_OPTIONS) };
}
