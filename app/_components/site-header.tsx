import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { getPageIdentity } from '@/server/page-session';

import { ImpersonationBanner } from './shell/impersonation-banner';
import { LanguageMenu } from './shell/language-choice';
import { ThemeMenu } from './shell/theme-choice';
import { SignOutButton } from './sign-out-button';
import { Button } from './ui/button';

const linkClass = 'text-muted-foreground hover:text-foreground';

export async function SiteHeader() {
  const t = await getTranslations('shell.header');
  // The header is on every page: if the database is down, render it signed out
  // rather than take the landing page down with it.
  const identity = await getPageIdentity().catch(() => null);
  const signedIn = identity?.kind === 'user';
  return (
    <header className="border-b border-border">
      {identity?.kind === 'user' && identity.impersonatorId && (
        <ImpersonationBanner email={identity.claims.email ?? identity.userId} />
      )}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Lean SaaS
        </Link>
        <nav aria-label={t('main')}>
          <ul className="flex flex-wrap items-center gap-6 text-sm">
            <li>
              <Link href="/" className={linkClass}>
                {t('home')}
              </Link>
            </li>
            <li>
              <Link href="/pricing" className={linkClass}>
                {t('pricing')}
              </Link>
            </li>
            <li>
              <Link href="/docs/api" className={linkClass}>
                {t('api')}
              </Link>
            </li>
            {signedIn ? (
              <>
                <li>
                  <Button asChild size="sm">
                    <Link href="/dashboard">{t('dashboard')}</Link>
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
                    {t('signIn')}
                  </Link>
                </li>
                <li>
                  <Button asChild size="sm">
                    <Link href="/sign-up">{t('signUp')}</Link>
                  </Button>
                </li>
              </>
            )}
            <li className="flex">
              <LanguageMenu signedIn={signedIn} />
              <ThemeMenu />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
