'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

export function ProfileForm(props: { displayName: string; avatarUrl: string }) {
  const trpc = useTRPC();
  const { outcome, succeeded, failed } = useFormOutcome();
  const update = useMutation(
    trpc.me.update.mutationOptions({
      onSuccess: () => succeeded('Profile saved.'),
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const avatarUrl = String(form.get('avatarUrl')).trim();
    update.mutate({
      displayName: String(form.get('displayName')).trim() || null,
      avatarUrl: avatarUrl || null,
    });
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4">
      <Field label="Display name" name="displayName" defaultValue={props.displayName} />
      <Field
        label="Avatar URL (https)"
        name="avatarUrl"
        type="url"
        defaultValue={props.avatarUrl}
      />
      <FormMessage outcome={outcome} />
      <SubmitButton pending={update.isPending}>Save profile</SubmitButton>
    </form>
  );
}
