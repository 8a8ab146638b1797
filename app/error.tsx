'use client';

import { PageError } from './_components/page-error';

export default function RootError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24">
      <PageError {...props} />
    </main>
  );
}
