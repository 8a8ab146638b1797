import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { Button } from './_components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('common.notFound'))('metaTitle') };
}

/** Ours, not Next's default: that one uses inline styles the nonce CSP blocks. */
export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-24">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="max-w-prose text-muted-foreground">{t('text')}</p>
      <div className="flex gap-3">
        <Button asChild>
          <Link href="/">{t('home')}</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/dashboard">{t('dashboard')}</Link>
        </Button>
      </div>
    </main>
  );
}
