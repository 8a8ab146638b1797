'use client';

import { useQuery } from '@tanstack/react-query';
import { Building2Icon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { Field } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { TeamTable } from './team-table';

export function TeamSearch() {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const [query, setQuery] = useState<string | undefined>(undefined);
  // A new key empties the search field when the search is cleared.
  const [formKey, setFormKey] = useState(0);
  const teams = useQuery(trpc.admin.organizations.queryOptions({ query, limit: 50 }));
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('query') ?? '').trim();
    setQuery(value || undefined);
  };
  const clearSearch = () => {
    setQuery(undefined);
    setFormKey((key) => key + 1);
  };

  let body;
  if (teams.isPending) body = <LoadingLines label={t('organizations.loading')} lines={5} />;
  else if (teams.isError) {
    body = (
      <ErrorState title={t('organizations.loadFailed')} onRetry={() => teams.refetch()}>
        {teams.error.message}
      </ErrorState>
    );
  } else if (teams.data.items.length === 0) {
    body = (
      <EmptyState
        icon={Building2Icon}
        title={query ? t('organizations.noMatch') : t('organizations.empty')}
        action={
          query && (
            <Button variant="outline" onClick={clearSearch}>
              {t('labels.clearSearch')}
            </Button>
          )
        }
      >
        {!query && t('organizations.emptyHint')}
      </EmptyState>
    );
  } else body = <TeamTable teams={teams.data.items} />;

  return (
    <div className="space-y-6">
      <form
        key={formKey}
        onSubmit={onSearch}
        className="flex max-w-md items-end gap-3"
        role="search"
        aria-label={t('organizations.search.label')}
      >
        <div className="flex-1">
          <Field label={t('organizations.search.query')} name="query" maxLength={200} />
        </div>
        <Button type="submit">{t('labels.search')}</Button>
      </form>
      {body}
    </div>
  );
}
