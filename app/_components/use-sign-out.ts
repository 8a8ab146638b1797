'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useTRPC } from './trpc-provider';
import { toast } from './ui/toaster';

/**
 * Signs out, forgets every answer cached for the account (the next person at this
 * browser must not see them), then goes to `next`. A failure says so and stays.
 */
export function useSignOut(next = '/') {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const t = useTranslations('shell');
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.push(next);
        router.refresh();
      },
      onError: () => toast.error(t('signOutFailed')),
    }),
  );
}
