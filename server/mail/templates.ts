import type { EmailMessage } from './mailer';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain, accessible email: one heading, a sentence, one clear link, and a text part. */
function linkEmail(
  to: string,
  subject: string,
  intro: string,
  action: string,
  url: string,
): EmailMessage {
  return {
    to,
    subject,
    text: `${intro}\n\n${action}: ${url}\n\nIf you did not ask for this, ignore this email.`,
    html: `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(subject)}</h1>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>
<p style="color:#555">If you did not ask for this, ignore this email.</p>
</body></html>`,
  };
}

export function verificationEmail(to: string, url: string): EmailMessage {
  return linkEmail(
    to,
    'Confirm your email address',
    'Confirm that this address is yours to finish setting up your Lean SaaS account.',
    'Confirm my email',
    url,
  );
}
