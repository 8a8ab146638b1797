'use client';

import { setNonce } from 'get-nonce';
import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { z } from 'zod';

import { StepUpDialog } from './step-up-dialog';
import { TrpcReactProvider } from './trpc-provider';
import { Toaster } from './ui/toaster';

// The page's CSP forbids eval, and zod probes for it (new Function) before compiling a
// schema, which the browser reports as a violation each time a page loads: tell zod
// up front. Only in the browser: on the server, compiled schemas keep validation fast.
if (typeof window !== 'undefined') z.config({ jitless: true });

let scrollLockNonce: string | undefined;

/**
 * Radix dialogs and menus lock scrolling with a <style> element they add at runtime;
 * the CSP lets it in only with the document's nonce. Taken once, from the first
 * render in the browser: a refresh renders this tree again with a later request's
 * nonce, which this document's policy does not know.
 */
function useScrollLockNonce(nonce: string) {
  if (typeof window === 'undefined' || scrollLockNonce) return;
  scrollLockNonce = nonce;
  // Set during render, before any child can mount a dialog.
  setNonce(nonce);
}

/**
 * What every page runs inside: the theme (next-themes sets the `dark` class before the
 * first paint, with the page's CSP nonce on its script), the API client and the toasts.
 */
export function Providers({ nonce, children }: { nonce: string; children: ReactNode }) {
  useScrollLockNonce(nonce);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem nonce={nonce}>
      <TrpcReactProvider>
        {children}
        <StepUpDialog />
        <Toaster />
      </TrpcReactProvider>
    </ThemeProvider>
  );
}
