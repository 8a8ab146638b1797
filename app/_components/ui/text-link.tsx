import Link from 'next/link';
import type { ComponentProps } from 'react';

import { cn } from './cn';

/** Underlined, in the brand colour at a contrast that passes on both themes. */
export const textLinkClass =
  'text-indigo-700 underline underline-offset-2 hover:text-indigo-600 dark:text-indigo-300 dark:hover:text-indigo-200';

/** A link inside running text. */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn(textLinkClass, className)} {...props} />;
}
