import Link from 'next/link';

const LINKS = [
  { href: '/dashboard', label: 'Overview' },
  { href: '/dashboard/profile', label: 'Profile' },
  { href: '/dashboard/sessions', label: 'Sessions' },
  { href: '/dashboard/api-keys', label: 'API keys' },
  { href: '/dashboard/billing', label: 'Billing' },
  { href: '/dashboard/audit', label: 'Audit log' },
];

/** The dashboard's sections; admins also get a link to the admin area. */
export function DashboardNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const links = isAdmin ? [...LINKS, { href: '/admin', label: 'Admin' }] : LINKS;
  return (
    <nav
      aria-label="Dashboard"
      className="mb-8 flex gap-4 border-b border-slate-200 pb-3 text-sm dark:border-slate-800"
    >
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          className="hover:text-indigo-600 dark:hover:text-indigo-400"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
