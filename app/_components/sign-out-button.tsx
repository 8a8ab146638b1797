'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

import { useTRPC } from './trpc-provider';

/** Signs out, then goes to `next` (the home page unless a page needs a way back). */
export function SignOutButton({
  next = '/',
  label = 'Sign out',
}: {
  next?: string;
  label?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        router.push(next);
        router.refresh();
      },
    }),
  );
  return (
    <button
      type="button"
      onClick={() => signOut.mutate()}
      className="text-muted-foreground hover:text-foreground"
    >
      {label}
    </button>
  );
}
