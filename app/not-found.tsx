import type { Metadata } from 'next';
import Link from 'next/link';

import { Button } from './_components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

/** Ours, not Next's default: that one uses inline styles the nonce CSP blocks. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-24">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="max-w-prose text-muted-foreground">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <div className="flex gap-3">
        <Button asChild>
          <Link href="/">Go home</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/dashboard">Dashboard</Link>
        </Button>
      </div>
    </main>
  );
}
