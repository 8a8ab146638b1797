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

export function passwordResetEmail(to: string, url: string): EmailMessage {
  return linkEmail(
    to,
    'Reset your password',
    'Someone asked to reset the password of the Lean SaaS account for this address. The link works for one hour, once.',
    'Choose a new password',
    url,
  );
}

/** Sent instead of a second account, so sign-up never reveals who is registered. */
export function accountExistsEmail(to: string, url: string): EmailMessage {
  return linkEmail(
    to,
    'You already have an account',
    'Someone tried to create a Lean SaaS account with this address, which already has one. If it was you, sign in, or reset your password if you have forgotten it.',
    'Reset my password',
    url,
  );
}

export function emailChangeEmail(to: string, url: string): EmailMessage {
  return linkEmail(
    to,
    'Confirm your new email address',
    'Confirm that this address is yours to make it the email of your Lean SaaS account.',
    'Confirm my new email',
    url,
  );
}

/** Tells the old address, so an account takeover does not go unnoticed. */
export function emailChangeNoticeEmail(to: string, newEmail: string, url: string): EmailMessage {
  return linkEmail(
    to,
    'Your email address is being changed',
    `Someone asked to change the email of your Lean SaaS account to ${newEmail}. It changes once the new address is confirmed. If this was not you, reset your password now.`,
    'Reset my password',
    url,
  );
}

export function invitationEmail(
  to: string,
  organizationName: string,
  inviter: string,
  url: string,
): EmailMessage {
  return linkEmail(
    to,
    `Join ${organizationName} on Lean SaaS`,
    `${inviter} invited you to join ${organizationName}. Sign in or create an account with this address (${to}), then accept. The link works for 7 days.`,
    'Accept the invitation',
    url,
  );
}
