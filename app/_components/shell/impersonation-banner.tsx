'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EyeIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { toast } from '@/app/_components/ui/toaster';

/**
 * On every page while an admin views the product as a user: whose view it is, and
 * one click back to the admin's own session (on the user's page in the admin area).
 */
export function ImpersonationBanner({ email }: { email: string }) {
  const t = useTranslations('shell.impersonation');
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const stop = useMutation(
    trpc.admin.stopImpersonating.mutationOptions({
      // Every cached query belonged to the view: drop them, and go back to the admin's page.
      onSuccess: ({ userId, restored }) => {
        queryClient.clear();
        router.push(restored ? `/admin/users/${userId}` : '/sign-in');
        router.refresh();
      },
      onError: (error) => toast.error(t('stopFailed', { error: error.message })),
    }),
  );
  return (
    <div
      role="region"
      aria-label={t('stop')}
      className="flex flex-wrap items-center justify-center gap-3 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      <EyeIcon aria-hidden className="size-4" />
      <p>{t('notice', { email })}</p>
      <Button size="sm" variant="outline" disabled={stop.isPending} onClick={() => stop.mutate()}>
        {t('stop')}
      </Button>
    </div>
  );
}
