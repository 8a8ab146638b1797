'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** `inBrowser()` once React runs in the browser; `onServer` in the server's HTML and until then. */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(noSubscription, inBrowser, () => onServer);
}

/** False in the server's HTML and until React has taken over the page. */
export function useHydrated(): boolean {
  return useBrowserValue(() => true, false);
}
