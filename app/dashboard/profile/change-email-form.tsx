'use client';

import { useMutation } from '@tanstack/react-query';

import {
  CurrentPasswordField,
  EmailField,
  FormMessage,
  SubmitButton,
} from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { changeEmailInput } from '@/server/auth/schemas';

export function ChangeEmailForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const form = useValidatedForm(changeEmailInput, {
    newEmail: 'New email',
    currentPassword: 'Password',
  });
  const change = useMutation(
    trpc.me.changeEmail.mutationOptions({
      // It says where to look next: longer than the usual few seconds to read it.
      onSuccess: (result) => toast.success(result.message, { duration: 10_000 }),
      onError: form.failed,
    }),
  );

  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({
          newEmail: String(data.get('newEmail') ?? ''),
          currentPassword: String(data.get('currentPassword') ?? ''),
        }),
        (input) => change.mutate(input),
      )}
      className="max-w-sm space-y-4"
      noValidate
      aria-label="Change email"
    >
      <p className="text-sm text-muted-foreground">
        Current address: <span className="font-medium text-foreground">{email}</span>
      </p>
      <EmailField label="New email" {...form.field('newEmail')} />
      <CurrentPasswordField
        label="Password for the email change"
        {...form.field('currentPassword')}
      />
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={change.isPending}>Change email</SubmitButton>
    </form>
  );
}
