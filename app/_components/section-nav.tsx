import Link from 'next/link';

export type NavLink = { href: string; label: string };

/** A section's row of links (dashboard, admin), named for screen readers by `label`. */
export function SectionNav({ label, links }: { label: string; links: readonly NavLink[] }) {
  return (
    <nav
      aria-label={label}
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
