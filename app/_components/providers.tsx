'use client';

import { setNonce } from 'get-nonce';
import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';

import { TrpcReactProvider } from './trpc-provider';
import { Toaster } from './ui/toaster';

/**
 * What every page runs inside: the theme (next-themes sets the `dark` class before the
 * first paint, with the page's CSP nonce on its script), the API client and the toasts.
 */
export function Providers({ nonce, children }: { nonce: string; children: ReactNode }) {
  // Radix dialogs lock scrolling with a <style> element they add at runtime; the CSP
  // lets it in only with the page's nonce. Set before any child can mount a dialog.
  if (typeof window !== 'undefined') setNonce(nonce);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem nonce={nonce}>
      <TrpcReactProvider>
        {children}
        <Toaster />
      </TrpcReactProvider>
    </ThemeProvider>
  );
}
