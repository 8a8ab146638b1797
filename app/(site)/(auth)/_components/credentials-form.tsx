'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import {
  CurrentPasswordField,
  EmailField,
  Field,
  FormMessage,
  NewPasswordField,
  SubmitButton,
} from '@/app/_components/form';
import { TextLink } from '@/app/_components/ui/text-link';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { PASSWORD_MIN_LENGTH } from '@/server/auth/password-rules';
import { signInInput, signUpInput } from '@/server/auth/schemas';

import { afterSignIn } from './safe-next';

type Mode = 'sign-in' | 'sign-up';

// The service also refuses short and common passwords; the length the browser can
// check before anything is sent.
const signUpForm = signUpInput.extend({
  password: signUpInput.shape.password.min(PASSWORD_MIN_LENGTH),
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export function CredentialsForm({
  mode,
  next,
  mailboxUrl,
}: {
  mode: Mode;
  next?: string;
  /** Where a local app's emails land (the dev mailbox), shown after sign-up. */
  mailboxUrl?: string;
}) {
  const t = useTranslations('auth');
  const trpc = useTRPC();
  const router = useRouter();
  const labels = {
    email: t('fields.email'),
    password: t('fields.password'),
    displayName: t('fields.name'),
  };
  const signInForm = useValidatedForm(signInInput, labels);
  const signUp = useValidatedForm(signUpForm, labels);
  const form = mode === 'sign-in' ? signInForm : signUp;

  const signInMutation = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (result) => {
        router.push(afterSignIn(result, next));
        router.refresh();
      },
      onError: signInForm.failed,
    }),
  );
  // Sign-up signs nobody in: the account starts once the mailed link is opened.
  const signUpMutation = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: (result) => signUp.succeeded(result.message),
      onError: signUp.failed,
    }),
  );

  const onSubmit =
    mode === 'sign-in'
      ? signInForm.submitWith(
          (data) => ({ email: text(data, 'email'), password: text(data, 'password') }),
          (input) => signInMutation.mutate(input),
        )
      : signUp.submitWith(
          (data) => ({
            email: text(data, 'email'),
            password: text(data, 'password'),
            displayName: text(data, 'displayName') || undefined,
          }),
          (input) => signUpMutation.mutate(input),
        );

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      {mode === 'sign-up' && (
        <Field
          label={labels.displayName}
          autoComplete="name"
          maxLength={80}
          {...form.field('displayName')}
        />
      )}
      <EmailField label={labels.email} {...form.field('email')} />
      {mode === 'sign-up' ? (
        <NewPasswordField label={labels.password} {...form.field('password')} />
      ) : (
        <CurrentPasswordField label={labels.password} {...form.field('password')} />
      )}
      <FormMessage outcome={form.outcome} />
      {mode === 'sign-up' && form.outcome?.ok && mailboxUrl && (
        <p className="text-sm">
          {t.rich('credentials.localMail', {
            link: (chunks) => <TextLink href={mailboxUrl}>{chunks}</TextLink>,
          })}
        </p>
      )}
      <SubmitButton pending={signInMutation.isPending || signUpMutation.isPending}>
        {mode === 'sign-in' ? t('credentials.signIn') : t('credentials.createAccount')}
      </SubmitButton>
    </form>
  );
}
