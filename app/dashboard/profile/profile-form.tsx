'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import { updateMeInput } from '@/server/auth/schemas';

export function ProfileForm(props: { displayName: string; avatarUrl: string }) {
  const t = useTranslations('profile.details');
  const trpc = useTRPC();
  const form = useValidatedForm(updateMeInput, {
    displayName: t('displayName'),
    avatarUrl: t('avatarUrl'),
  });
  const update = useMutation(
    trpc.me.update.mutationOptions({
      onSuccess: () => toast.success(t('saved')),
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
        label={t('displayName')}
        maxLength={80}
        defaultValue={props.displayName}
        {...form.field('displayName')}
      />
      <Field
        label={t('avatarUrlField')}
        type="url"
        maxLength={2_048}
        defaultValue={props.avatarUrl}
        {...form.field('avatarUrl')}
      />
      <FormMessage outcome={form.outcome} />
      <SubmitButton pending={update.isPending}>{t('submit')}</SubmitButton>
    </form>
  );
}
