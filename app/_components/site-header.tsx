import Link from 'next/link';

import { getPageIdentity } from '@/server/page-session';

import { ThemeMenu } from './shell/theme-choice';
import { SignOutButton } from './sign-out-button';
import { Button } from './ui/button';

const linkClass = 'text-muted-foreground hover:text-foreground';

export async function SiteHeader() {
  // The header is on every page: if the database is down, render it signed out
  // rather than take the landing page down with it.
  const signedIn = await getPageIdentity().then(
    (identity) => identity.kind === 'user',
    () => false,
  );
  return (
    <header className="border-b border-border">
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
                  <Button asChild size="sm">
                    <Link href="/dashboard">Dashboard</Link>
                  </Button>
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
                  <Button asChild size="sm">
                    <Link href="/sign-up">Sign up</Link>
                  </Button>
                </li>
              </>
            )}
            <li>
              <ThemeMenu />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
