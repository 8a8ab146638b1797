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

export type NavLink = { href: string; label: string; icon: LucideIcon };
export type NavSection = { label: string; links: readonly NavLink[] };

export const DASHBOARD_SECTION: NavSection = {
  label: 'Dashboard',
  links: [
    { href: '/dashboard', label: 'Overview', icon: LayoutDashboardIcon },
    { href: '/dashboard/profile', label: 'Profile', icon: UserIcon },
    { href: '/dashboard/organizations', label: 'Organizations', icon: Building2Icon },
    { href: '/dashboard/sessions', label: 'Sessions', icon: MonitorSmartphoneIcon },
    { href: '/dashboard/api-keys', label: 'API keys', icon: KeyRoundIcon },
    { href: '/dashboard/billing', label: 'Billing', icon: CreditCardIcon },
    { href: '/dashboard/audit', label: 'Audit log', icon: HistoryIcon },
  ],
};

export const ADMIN_SECTION: NavSection = {
  label: 'Admin',
  links: [
    { href: '/admin/users', label: 'Users', icon: UsersIcon },
    { href: '/admin/organizations', label: 'Organizations', icon: Building2Icon },
    { href: '/admin/system', label: 'System', icon: ActivityIcon },
    { href: '/admin/errors', label: 'Errors', icon: BugIcon },
    { href: '/admin/compliance', label: 'Compliance', icon: FileCheckIcon },
  ],
};

/** Words for the address's segments, for breadcrumbs; others (a team's slug) show as they are. */
export const SEGMENT_LABELS: Record<string, string> = {
  dashboard: 'Dashboard',
  admin: 'Admin',
  success: 'Done',
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
