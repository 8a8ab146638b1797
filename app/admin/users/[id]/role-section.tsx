'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';

import { FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';

import { ROLE_OPTIONS } from '../../_components/labels';
import { Section } from '../../_components/section';
import { SelectField } from '../../_components/select-field';
import { pickOption } from '../../_components/types';
import { useRefreshUser } from './use-refresh-user';

type Role = 'user' | 'admin';

export function RoleSection({ userId, role }: { userId: string; role: Role }) {
  const trpc = useTRPC();
  const refresh = useRefreshUser(userId);
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const setRole = useMutation(
    trpc.admin.setRole.mutationOptions({
      onSuccess: async (_done, input) => {
        await refresh();
        succeeded(`Role changed to ${input.role}.`);
      },
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const next = pickOption(ROLE_OPTIONS, new FormData(event.currentTarget).get('role'));
    if (!next) return;
    if (next === role) succeeded(`Role is already ${next}.`);
    else setRole.mutate({ userId, role: next });
  }

  return (
    <Section title="Role">
      <p className="max-w-prose text-slate-600 dark:text-slate-300">
        Admins can see and change every account. The change applies at once, to sessions and API
        keys alike.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
        <SelectField label="Role" name="role" defaultValue={role} options={ROLE_OPTIONS} />
        <SubmitButton pending={setRole.isPending}>Change role</SubmitButton>
      </form>
      <FormMessage outcome={outcome} />
    </Section>
  );
}
