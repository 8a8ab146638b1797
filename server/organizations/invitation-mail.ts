import { accountLocaleAsService } from '@/server/auth/account-locale';
import { cachedOwnProfile } from '@/server/auth/profile-cache';
import { isLocale, type Locale } from '@/server/i18n/locales';
import { localeOfRequest } from '@/server/i18n/request-locale';
import { deliverMail } from '@/server/mail/mailer';
import { invitationEmail } from '@/server/mail/templates';
import { appUrl } from '@/server/platform/http/app-url';
import type { Context } from '@/server/trpc';

import { INVITATION_TTL_DAYS } from './invitations';

/**
 * The invitee's own language when they already have an account; else the inviter's
 * (their profile setting, else their request's). A preference: anything that cannot
 * be read falls back.
 */
async function invitationLocale(ctx: Context, invitee: string): Promise<Locale> {
  const theirs = await accountLocaleAsService(ctx.serviceDb, invitee).catch(() => null);
  if (isLocale(theirs)) return theirs;
  const inviter =
    ctx.identity.kind === 'user'
      ? await cachedOwnProfile(ctx.rls, ctx.identity.userId).catch(() => null)
      : null;
  return localeOfRequest(ctx.requestHeaders, inviter?.locale);
}

/** The invitation's link goes out after the response; a failed send is logged, not lost. */
export function mailInvitation(
  ctx: Context,
  sent: { token: string; invitation: { email: string }; organizationName: string },
) {
  const invitation = {
    to: sent.invitation.email,
    organizationName: sent.organizationName,
    inviter: typeof ctx.identity.claims.email === 'string' ? ctx.identity.claims.email : null,
    url: appUrl(`/invitations/accept?token=${sent.token}`),
    days: INVITATION_TTL_DAYS,
  };
  ctx.scope.background('invitation mail', async () => {
    const locale = await invitationLocale(ctx, invitation.to);
    await deliverMail(ctx.serviceDb, ctx.scope.log, await invitationEmail(locale, invitation));
  });
}
