'use client';

import Link from 'next/link';
import { useEffect } from 'react';

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
    <div role="alert" className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="max-w-prose text-slate-600 dark:text-slate-300">
        This page could not be shown. Try again; if it keeps failing, we have been told.
        {error.digest && (
          <>
            {' '}
            Reference: <code>{error.digest}</code>.
          </>
        )}
      </p>
      <div className="flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
        >
          Try again
        </button>
        <Link
          href="/"
          className="rounded-md border border-slate-300 px-4 py-2 font-medium dark:border-slate-700"
        >
          Go home
        </Link>
      </div>
    </div>
  );
}
