import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

/** Ours, not Next's default: that one uses inline styles the nonce CSP blocks. */
export default function NotFound() {
  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="max-w-prose text-slate-600 dark:text-slate-300">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <div className="flex gap-4">
        <Link
          href="/"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
        >
          Go home
        </Link>
        <Link
          href="/dashboard"
          className="rounded-md border border-slate-300 px-4 py-2 font-medium dark:border-slate-700"
        >
          Dashboard
        </Link>
      </div>
    </div>
  );
}
