'use client';

import Link from 'next/link';
import { useEffect } from 'react';

import { Button } from './_components/ui/button';

/**
 * A page that failed to render: a way to retry and a way home. The error's details
 * stay in the server log; the digest lets a user quote the incident.
 */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" role="alert" className="mx-auto max-w-xl space-y-4 px-4 py-24">
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
          <Link href="/">Go home</Link>
        </Button>
      </div>
    </main>
  );
}
