'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import { Button } from '@/app/_components/ui/button';

import { PLANS, SUBSCRIPTION_STATES, useLabels } from '../_components/labels';
import { SelectField } from '../_components/select-field';
import { pickOption, type AdminInputs } from '../_components/types';

export type UserFilter = Omit<AdminInputs['users'], 'limit' | 'cursor'>;

function filterOf(form: FormData): UserFilter {
  const email = String(form.get('email') ?? '').trim();
  return {
    email: email || undefined,
    plan: pickOption(PLANS, form.get('plan')),
    status: pickOption(SUBSCRIPTION_STATES, form.get('status')),
  };
}

/** The search applies on submit. */
export function UserSearchForm({ onSearch }: { onSearch: (filter: UserFilter) => void }) {
  const t = useTranslations('admin');
  const labels = useLabels();
  const any = { value: '', label: t('labels.any') } as const;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(filterOf(new FormData(event.currentTarget)));
  }

  return (
    <form
      role="search"
      aria-label={t('users.search.label')}
      onSubmit={submit}
      className="flex flex-wrap items-end gap-4"
    >
      <div className="w-full sm:w-72">
        <Field
          label={t('users.search.email')}
          name="email"
          type="text"
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <SelectField
        label={t('users.search.plan')}
        name="plan"
        options={[any, ...labels.planOptions]}
      />
      <SelectField
        label={t('users.search.subscription')}
        name="status"
        options={[any, ...labels.subscriptionOptions]}
      />
      <Button type="submit">{t('labels.search')}</Button>
    </form>
  );
}
