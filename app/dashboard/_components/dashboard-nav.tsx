import { SectionNav } from '@/app/_components/section-nav';

const LINKS = [
  { href: '/dashboard', label: 'Overview' },
  { href: '/dashboard/profile', label: 'Profile' },
  { href: '/dashboard/organizations', label: 'Organizations' },
  { href: '/dashboard/sessions', label: 'Sessions' },
  { href: '/dashboard/api-keys', label: 'API keys' },
  { href: '/dashboard/billing', label: 'Billing' },
  { href: '/dashboard/audit', label: 'Audit log' },
];

/** The dashboard's sections; admins also get a link to the admin area. */
export function DashboardNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const links = isAdmin ? [...LINKS, { href: '/admin', label: 'Admin' }] : LINKS;
  return <SectionNav label="Dashboard" links={links} />;
}
