'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { secondFactorCodeInput } from '@/server/auth/two-factor/schemas';

/**
 * A code from the authenticator app, or a recovery code, POSTed (never in a URL):
 * the second step of a sign-in, and the step-up before a sensitive action.
 */
export function SecondFactorForm({ onVerified }: { onVerified: () => unknown }) {
  const t = useTranslations('common.secondFactor');
  const trpc = useTRPC();
  const form = useValidatedForm(secondFactorCodeInput, { code: t('code') });
  const verify = useMutation(
    trpc.auth.twoFactor.verify.mutationOptions({ onSuccess: onVerified, onError: form.failed }),
  );
  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({ code: String(data.get('code') ?? '') }),
        (input) => verify.mutate(input),
      )}
      className="space-y-4"
      noValidate
      aria-label={t('form')}
    >
      <Field
        label={t('code')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        required
        maxLength={32}
        {...form.field('code')}
      />
      <p className="text-sm text-muted-foreground">{t('hint')}</p>
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={verify.isPending}>{t('submit')}</SubmitButton>
    </form>
  );
}
