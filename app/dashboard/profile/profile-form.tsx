'use client';

import { useMutation } from '@tanstack/react-query';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { updateMeInput } from '@/server/auth/schemas';

const LABELS = { displayName: 'Display name', avatarUrl: 'Avatar URL' };

export function ProfileForm(props: { displayName: string; avatarUrl: string }) {
  const trpc = useTRPC();
  const form = useValidatedForm(updateMeInput, LABELS);
  const update = useMutation(
    trpc.me.update.mutationOptions({
      onSuccess: () => toast.success('Profile saved.'),
      onError: form.failed,
    }),
  );

  return (
    <form
      method="post"
      onSubmit={form.submitWith(
        (data) => ({
          displayName: String(data.get('displayName') ?? '').trim() || null,
          avatarUrl: String(data.get('avatarUrl') ?? '').trim() || null,
        }),
        (input) => update.mutate(input),
      )}
      className="max-w-sm space-y-4"
      noValidate
    >
      <Field
        label="Display name"
        maxLength={80}
        defaultValue={props.displayName}
        {...form.field('displayName')}
      />
      <Field
        label="Avatar URL (https)"
        type="url"
        maxLength={2_048}
        defaultValue={props.avatarUrl}
        {...form.field('avatarUrl')}
      />
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={update.isPending}>Save profile</SubmitButton>
    </form>
  );
}
