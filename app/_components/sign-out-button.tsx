'use client';

import { useTranslations } from 'next-intl';

import { Button } from './ui/button';
import { cn } from './ui/cn';
import { useSignOut } from './use-sign-out';

/** Signs out, then goes to `next` (the home page unless a page needs a way back). */
export function SignOutButton({
  next = '/',
  label,
  className = 'text-muted-foreground hover:text-foreground',
}: {
  next?: string;
  label?: string;
  className?: string;
}) {
  const t = useTranslations('shell');
  const signOut = useSignOut(next);
  return (
    <Button
      variant="link"
      className={cn('h-auto px-0 whitespace-normal', className)}
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {label ?? t('signOut')}
    </Button>
  );
}
