'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { FormMessage, SubmitButton } from '@/app/_components/form';
import { useFormOutcome } from '@/app/_components/use-form-outcome';
import { useTRPC } from '@/app/_components/trpc-provider';
import { TextLink } from '@/app/_components/ui/text-link';

import { afterSignIn } from '../../_components/safe-next';

/** The button that spends a sign-in link: a POST, never the page's own GET. */
export function EmailLinkSignIn({ token, type }: { token: string; type?: 'email' | 'magiclink' }) {
  const t = useTranslations('auth.emailLink');
  const trpc = useTRPC();
  const router = useRouter();
  const { outcome, clear, failed } = useFormOutcome();
  const signIn = useMutation(
    trpc.auth.signInWithEmailLink.mutationOptions({
      onSuccess: (result) => {
        router.push(afterSignIn(result, undefined));
        router.refresh();
      },
      onError: failed,
    }),
  );
  return (
    <form
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        clear();
        signIn.mutate({ token, type });
      }}
      className="space-y-4"
    >
      <SubmitButton pending={signIn.isPending || signIn.isSuccess}>{t('submit')}</SubmitButton>
      <FormMessage outcome={outcome} />
      {signIn.isError && (
        <p className="text-sm">
          {t.rich('askAgain', {
            link: (chunks) => <TextLink href="/sign-in">{chunks}</TextLink>,
          })}
        </p>
      )}
    </form>
  );
}
