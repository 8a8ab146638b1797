import {
  ActivityIcon,
  BugIcon,
  Building2Icon,
  CreditCardIcon,
  FileCheckIcon,
  HistoryIcon,
  KeyRoundIcon,
  LayoutDashboardIcon,
  MonitorSmartphoneIcon,
  UserIcon,
  UsersIcon,
  type LucideIcon,
} from 'lucide-react';

import type { Messages } from '@/server/i18n/messages';

/** `label`: a key of the `shell.nav` messages. */
export type NavLink = { href: string; label: NavKey; icon: LucideIcon };
export type NavSection = { label: NavKey; links: readonly NavLink[] };
export type NavKey = keyof Messages['shell']['nav'];

export const DASHBOARD_SECTION: NavSection = {
  label: 'dashboard',
  links: [
    { href: '/dashboard', label: 'overview', icon: LayoutDashboardIcon },
    { href: '/dashboard/profile', label: 'profile', icon: UserIcon },
    { href: '/dashboard/organizations', label: 'organizations', icon: Building2Icon },
    { href: '/dashboard/sessions', label: 'sessions', icon: MonitorSmartphoneIcon },
    { href: '/dashboard/api-keys', label: 'apiKeys', icon: KeyRoundIcon },
    { href: '/dashboard/billing', label: 'billing', icon: CreditCardIcon },
    { href: '/dashboard/audit', label: 'audit', icon: HistoryIcon },
  ],
};

export const ADMIN_SECTION: NavSection = {
  label: 'admin',
  links: [
    { href: '/admin/users', label: 'users', icon: UsersIcon },
    { href: '/admin/organizations', label: 'organizations', icon: Building2Icon },
    { href: '/admin/system', label: 'system', icon: ActivityIcon },
    { href: '/admin/errors', label: 'errors', icon: BugIcon },
    { href: '/admin/compliance', label: 'compliance', icon: FileCheckIcon },
  ],
};

/** The address's segments that have words, for breadcrumbs; others (a slug) show as they are. */
export const SEGMENT_LABELS: Record<string, NavKey> = {
  dashboard: 'dashboard',
  admin: 'admin',
  success: 'done',
  ...Object.fromEntries(
    [...DASHBOARD_SECTION.links, ...ADMIN_SECTION.links]
      .filter((link) => link.href.split('/').length === 3)
      .map((link) => [link.href.split('/')[2], link.label]),
  ),
};

/** The link of the page at `pathname`: the longest one it is under. */
export function activeHref(pathname: string, links: readonly NavLink[]): string | undefined {
  return links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
