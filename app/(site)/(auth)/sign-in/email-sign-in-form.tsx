'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { EmailField, Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { TextLink } from '@/app/_components/ui/text-link';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { requestSignInEmailInput, signInWithEmailCodeInput } from '@/server/auth/schemas';

import { afterSignIn } from '../_components/safe-next';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/**
 * Passwordless sign-in: first the address (a mail with a link and a code goes to
 * it, if it has an account), then the code from that mail. Both are POSTed: the
 * code, like a password, never goes into a URL.
 */
export function EmailSignInForm({ next, mailboxUrl }: { next?: string; mailboxUrl?: string }) {
  const t = useTranslations('auth');
  const trpc = useTRPC();
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const labels = { email: t('fields.email'), code: t('fields.code') };
  const requestForm = useValidatedForm(requestSignInEmailInput, labels);
  const codeForm = useValidatedForm(signInWithEmailCodeInput, labels);

  const request = useMutation(
    trpc.auth.requestSignInEmail.mutationOptions({
      onSuccess: (_, input) => setSentTo(input.email),
      onError: requestForm.failed,
    }),
  );
  const signIn = useMutation(
    trpc.auth.signInWithEmailCode.mutationOptions({
      onSuccess: (result) => {
        router.push(afterSignIn(result, next));
        router.refresh();
      },
      onError: codeForm.failed,
    }),
  );

  if (!sentTo) {
    return (
      <form
        method="post"
        onSubmit={requestForm.submitWith(
          (data) => ({ email: text(data, 'email') }),
          (input) => request.mutate(input),
        )}
        className="space-y-4"
        noValidate
      >
        <p className="text-sm text-muted-foreground">{t('emailSignIn.intro')}</p>
        <EmailField label={labels.email} {...requestForm.field('email')} />
        <FormMessage outcome={requestForm.outcome} />
        <SubmitButton pending={request.isPending}>{t('emailSignIn.request')}</SubmitButton>
      </form>
    );
  }

  return (
    <form
      method="post"
      onSubmit={codeForm.submitWith(
        (data) => ({ email: sentTo, code: text(data, 'code') }),
        (input) => signIn.mutate(input),
      )}
      className="space-y-4"
      noValidate
    >
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {t('emailSignIn.sent', { email: sentTo })}
      </p>
      {mailboxUrl && (
        <p className="text-sm">
          {t.rich('emailSignIn.localMail', {
            link: (chunks) => <TextLink href={mailboxUrl}>{chunks}</TextLink>,
          })}
        </p>
      )}
      <p className="text-sm">{t('emailSignIn.codeIntro')}</p>
      <Field
        label={labels.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        maxLength={20}
        {...codeForm.field('code')}
      />
      <FormMessage outcome={codeForm.outcome} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={signIn.isPending}>{t('emailSignIn.submitCode')}</SubmitButton>
        <Button type="button" variant="link" onClick={() => setSentTo(null)}>
          {t('emailSignIn.again')}
        </Button>
      </div>
    </form>
  );
}
