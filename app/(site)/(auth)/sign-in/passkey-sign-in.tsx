'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { KeyRoundIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { FormMessage } from '@/app/_components/form';
import {
  cancelledByPerson,
  passkeysUnavailable,
  promptForPasskey,
} from '@/app/_components/passkeys';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useBrowserValue } from '@/app/_components/use-hydrated';
import { Button } from '@/app/_components/ui/button';

import { safeNext } from '../_components/safe-next';

/** One button: the browser offers the passkeys it holds for this site; no address typed. */
export function PasskeySignIn({ next }: { next?: string }) {
  const t = useTranslations('auth.signIn');
  const trpc = useTRPC();
  const router = useRouter();
  const unavailable = useBrowserValue(passkeysUnavailable, 'unsupported');
  const options = useMutation(trpc.auth.passkeySignInOptions.mutationOptions());
  const verify = useMutation(trpc.auth.signInWithPasskey.mutationOptions());
  const signIn = useMutation({
    mutationFn: async () => {
      const { options: offered } = await options.mutateAsync();
      const response = await promptForPasskey(offered);
      const extensions = response.clientExtensionResults as Record<string, unknown>;
      await verify.mutateAsync({ response: { ...response, clientExtensionResults: extensions } });
    },
    onSuccess: () => {
      router.push(safeNext(next));
      router.refresh();
    },
  });
  // A browser without passkeys gets no button; one at an IP address is told why.
  if (unavailable === 'unsupported') return null;
  const failure = signIn.error;
  const message =
    failure && (failure instanceof TRPCClientError || !cancelledByPerson(failure))
      ? failure.message
      : failure
        ? t('passkeyCancelled')
        : null;
  return (
    <div className="space-y-2">
      {unavailable === 'ipAddress' ? (
        <p className="text-sm text-muted-foreground">{t('passkeyUnavailableHere')}</p>
      ) : (
        <Button
          type="button"
          variant="outline"
          disabled={signIn.isPending}
          onClick={() => signIn.mutate()}
        >
          <KeyRoundIcon aria-hidden />
          {t('withPasskey')}
        </Button>
      )}
      <FormMessage outcome={message ? { ok: false, text: message } : null} />
    </div>
  );
}
