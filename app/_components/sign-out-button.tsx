'use client';

import { Button } from './ui/button';
import { cn } from './ui/cn';
import { useSignOut } from './use-sign-out';

/** Signs out, then goes to `next` (the home page unless a page needs a way back). */
export function SignOutButton({
  next = '/',
  label = 'Sign out',
  className = 'text-muted-foreground hover:text-foreground',
}: {
  next?: string;
  label?: string;
  className?: string;
}) {
  const signOut = useSignOut(next);
  return (
    <Button
      variant="link"
      className={cn('h-auto px-0 whitespace-normal', className)}
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {label}
    </Button>
  );
}
