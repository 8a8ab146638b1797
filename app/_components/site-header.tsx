import Link from 'next/link';

const NAV = [
  { href: '/', label: 'Home' },
  { href: '/docs/api', label: 'API' },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Lean SaaS
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-6 text-sm">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-indigo-600 dark:hover:text-indigo-400">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
