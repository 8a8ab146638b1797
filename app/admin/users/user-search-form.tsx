'use client';

import type { FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import { Button } from '@/app/_components/ui/button';

import { PLAN_OPTIONS, SUBSCRIPTION_STATES } from '../_components/labels';
import { SelectField } from '../_components/select-field';
import { pickOption, type AdminInputs } from '../_components/types';

export type UserFilter = Omit<AdminInputs['users'], 'limit' | 'cursor'>;

const ANY = { value: '', label: 'Any' } as const;

function filterOf(form: FormData): UserFilter {
  const email = String(form.get('email') ?? '').trim();
  return {
    email: email || undefined,
    plan: pickOption(PLAN_OPTIONS, form.get('plan')),
    status: pickOption(SUBSCRIPTION_STATES, form.get('status')),
  };
}

/** The search applies on submit. */
export function UserSearchForm({ onSearch }: { onSearch: (filter: UserFilter) => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(filterOf(new FormData(event.currentTarget)));
  }

  return (
    <form
      role="search"
      aria-label="Search users"
      onSubmit={submit}
      className="flex flex-wrap items-end gap-4"
    >
      <div className="w-full sm:w-72">
        <Field label="Email" name="email" type="text" spellCheck={false} autoComplete="off" />
      </div>
      <SelectField label="Plan" name="plan" options={[ANY, ...PLAN_OPTIONS]} />
      <SelectField label="Subscription" name="status" options={[ANY, ...SUBSCRIPTION_STATES]} />
      <Button type="submit">Search</Button>
    </form>
  );
}
