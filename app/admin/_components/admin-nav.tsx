import Link from 'next/link';

const LINKS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/system', label: 'System' },
  { href: '/admin/errors', label: 'Errors' },
  { href: '/admin/compliance', label: 'Compliance' },
];

export function AdminNav() {
  return (
    <nav
      aria-label="Admin"
      className="mb-8 flex gap-4 border-b border-slate-200 pb-3 text-sm dark:border-slate-800"
    >
      {LINKS.map((link) => (
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
