import type { Locale } from './locales';
import enCommon from './messages/en/common.json';
import enShell from './messages/en/shell.json';
import enMarketing from './messages/en/marketing.json';
import enAuth from './messages/en/auth.json';
import enOverview from './messages/en/overview.json';
import enApiKeys from './messages/en/apiKeys.json';
import enSessions from './messages/en/sessions.json';
import enProfile from './messages/en/profile.json';
import enAudit from './messages/en/audit.json';
import enBilling from './messages/en/billing.json';
import enOrganizations from './messages/en/organizations.json';
import enInvitations from './messages/en/invitations.json';
import enAdmin from './messages/en/admin.json';
import enDocs from './messages/en/docs.json';
import enMailbox from './messages/en/mailbox.json';
import enMail from './messages/en/mail.json';
import enErrors from './messages/en/errors.json';
import deCommon from './messages/de/common.json';
import deShell from './messages/de/shell.json';
import deMarketing from './messages/de/marketing.json';
import deAuth from './messages/de/auth.json';
import deOverview from './messages/de/overview.json';
import deApiKeys from './messages/de/apiKeys.json';
import deSessions from './messages/de/sessions.json';
import deProfile from './messages/de/profile.json';
import deAudit from './messages/de/audit.json';
import deBilling from './messages/de/billing.json';
import deOrganizations from './messages/de/organizations.json';
import deInvitations from './messages/de/invitations.json';
import deAdmin from './messages/de/admin.json';
import deDocs from './messages/de/docs.json';
import deMailbox from './messages/de/mailbox.json';
import deMail from './messages/de/mail.json';
import deErrors from './messages/de/errors.json';

/**
 * Every message, by locale and then by namespace: one file per area of the product
 * (`messages/<locale>/<namespace>.json`), so that each area's words sit together.
 */
export const MESSAGES = {
  en: {
    common: enCommon,
    shell: enShell,
    marketing: enMarketing,
    auth: enAuth,
    overview: enOverview,
    apiKeys: enApiKeys,
    sessions: enSessions,
    profile: enProfile,
    audit: enAudit,
    billing: enBilling,
    organizations: enOrganizations,
    invitations: enInvitations,
    admin: enAdmin,
    docs: enDocs,
    mailbox: enMailbox,
    mail: enMail,
    errors: enErrors,
  },
  de: {
    common: deCommon,
    shell: deShell,
    marketing: deMarketing,
    auth: deAuth,
    overview: deOverview,
    apiKeys: deApiKeys,
    sessions: deSessions,
    profile: deProfile,
    audit: deAudit,
    billing: deBilling,
    organizations: deOrganizations,
    invitations: deInvitations,
    admin: deAdmin,
    docs: deDocs,
    mailbox: deMailbox,
    mail: deMail,
    errors: deErrors,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['en'];

/**
 * Only the namespaces a part of the product needs, for its client components: every
 * message of every area would otherwise travel with every page.
 */
export function pickMessages(locale: Locale, namespaces: readonly (keyof Messages)[]) {
  return Object.fromEntries(
    namespaces.map((namespace) => [namespace, MESSAGES[locale][namespace]]),
  );
}
