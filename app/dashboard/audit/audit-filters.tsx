'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import type { AuditFilter } from '@/server/audit/list-events';

function filterOf(form: FormData): AuditFilter {
  const filter: AuditFilter = {};
  for (const name of ['action', 'from', 'to'] as const) {
    const value = String(form.get(name) ?? '').trim();
    if (value) filter[name] = value;
  }
  return filter;
}

/** The filters apply on submit; `problem` is the server's reason for refusing them. */
export function AuditFilters({
  onApply,
  problem,
}: {
  onApply: (filter: AuditFilter) => void;
  problem: string | null;
}) {
  const t = useTranslations('audit.filters');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filterOf(new FormData(event.currentTarget)));
  }

  return (
    <Card>
      <CardContent>
        <form
          role="search"
          aria-label={t('label')}
          onSubmit={submit}
          onReset={() => onApply({})}
          className="space-y-3"
        >
          <div className="flex flex-wrap items-end gap-4">
            <div className="w-64">
              <Field
                label={t('action')}
                name="action"
                placeholder="api_key.created"
                spellCheck={false}
              />
            </div>
            <Field label={t('from')} name="from" type="date" aria-describedby="audit-dates-hint" />
            <Field label={t('to')} name="to" type="date" aria-describedby="audit-dates-hint" />
            <div className="flex gap-2">
              <Button type="submit">{t('apply')}</Button>
              <Button type="reset" variant="outline">
                {t('clear')}
              </Button>
            </div>
          </div>
          <p id="audit-dates-hint" className="text-sm text-muted-foreground">
            {t('datesHint')}
          </p>
          {problem && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {problem}
            </p>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
