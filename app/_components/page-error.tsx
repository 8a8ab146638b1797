'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

import { Button } from './ui/button';

/**
 * A page that failed to render: a way to retry and a way out. The error's details
 * stay in the server log; the digest lets a user quote the incident.
 */
export function PageError({
  error,
  reset,
  home = '/',
}: {
  error: Error & { digest?: string };
  reset: () => void;
  home?: string;
}) {
  const t = useTranslations('common.pageError');
  const common = useTranslations('common');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="max-w-prose text-muted-foreground">
        {t('text')}
        {error.digest && (
          <> {t.rich('reference', { digest: error.digest, code: (text) => <code>{text}</code> })}</>
        )}
      </p>
      <div className="flex gap-3">
        <Button onClick={reset}>{common('tryAgain')}</Button>
        <Button asChild variant="outline">
          <Link href={home}>{home === '/' ? t('home') : t('start')}</Link>
        </Button>
      </div>
    </div>
  );
}
