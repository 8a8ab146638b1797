'use client';

import { useTheme } from 'next-themes';
import { toast as sonner, Toaster as Sonner } from 'sonner';

/**
 * sonner's toast, except that a failure stays until it is dismissed: a success may
 * fade, but an error must still be there when someone looks (or their screen reader
 * gets to it).
 */
export const toast = Object.assign(
  (...args: Parameters<typeof sonner>) => sonner(...args),
  sonner,
  {
    error: (
      message: Parameters<typeof sonner.error>[0],
      options?: Parameters<typeof sonner.error>[1],
    ) => sonner.error(message, { duration: Infinity, ...options }),
  },
);

/** Where every mutation's toast appears; it follows the chosen theme. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === 'dark' ? 'dark' : 'light'}
      position="bottom-right"
      richColors
      closeButton
    />
  );
}
