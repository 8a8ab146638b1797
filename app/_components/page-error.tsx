'use client';

import Link from 'next/link';
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
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="max-w-prose text-muted-foreground">
        This page could not be shown. Try again; if it keeps failing, we have been told.
        {error.digest && (
          <>
            {' '}
            Reference: <code>{error.digest}</code>.
          </>
        )}
      </p>
      <div className="flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <Button asChild variant="outline">
          <Link href={home}>{home === '/' ? 'Go home' : 'Back to the start'}</Link>
        </Button>
      </div>
    </div>
  );
}
