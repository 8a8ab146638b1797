import Link from 'next/link';
import type { ReactNode } from 'react';

/** A table row's way into the record it lists; coloured like the kit's link button. */
export function RecordLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300"
    >
      {children}
    </Link>
  );
}
