'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import { Button } from '@/app/_components/ui/button';

import type { AdminInputs } from '../_components/types';

/** The report's period, as the compliance procedure takes it. */
export type DateRange = AdminInputs['compliance'];

/** The range applies on submit; `problem` is the server's reason for refusing it. */
export function ComplianceForm({
  initialRange,
  onRun,
  problem,
}: {
  initialRange: DateRange;
  onRun: (range: DateRange) => void;
  problem: string | null;
}) {
  const t = useTranslations('admin.compliance.form');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onRun({ from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') });
  }

  return (
    // noValidate: the server checks the range and its refusal names the field.
    <form onSubmit={submit} noValidate aria-label={t('label')} className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <Field
          label={t('from')}
          name="from"
          type="date"
          required
          defaultValue={initialRange.from}
          aria-describedby="compliance-dates-hint"
        />
        <Field
          label={t('to')}
          name="to"
          type="date"
          required
          defaultValue={initialRange.to}
          aria-describedby="compliance-dates-hint"
        />
        <Button type="submit">{t('run')}</Button>
      </div>
      <p id="compliance-dates-hint" className="text-sm text-muted-foreground">
        {t('hint')}
      </p>
      {problem && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
