'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// Mail goes out after the response that caused it (Next's after()), so a mailbox
// opened straight from "Check your email" can be a moment early; it catches up on its
// own, as Mailpit's does.
const EVERY_MS = 2_000;

/** Re-renders the mailbox every few seconds while the tab is visible. */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
