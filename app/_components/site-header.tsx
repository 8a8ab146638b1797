import Link from 'next/link';

import { getPageIdentity } from '@/server/page-session';

import { SignOutButton } from './sign-out-button';

const linkClass = 'hover:text-indigo-600 dark:hover:text-indigo-400';

export async function SiteHeader() {
  // The header is on every page: if the database is down, render it signed out
  // rather than take the landing page down with it.
  const signedIn = await getPageIdentity().then(
    (identity) => identity.kind === 'user',
    () => false,
  );
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Lean SaaS
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-6 text-sm">
            <li>
              <Link href="/" className={linkClass}>
                Home
              </Link>
            </li>
            <li>
              <Link href="/pricing" className={linkClass}>
                Pricing
              </Link>
            </li>
            <li>
              <Link href="/docs/api" className={linkClass}>
                API
              </Link>
            </li>
            {signedIn ? (
              <>
                <li>
                  <Link href="/dashboard" className={linkClass}>
                    Dashboard
                  </Link>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/sign-in" className={linkClass}>
                    Sign in
                  </Link>
                </li>
                <li>
                  <Link href="/sign-up" className={linkClass}>
                    Sign up
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
