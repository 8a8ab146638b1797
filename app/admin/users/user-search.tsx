'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { UsersIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';
import { LoadingLines } from '@/app/_components/ui/skeleton';

import { UserSearchForm, type UserFilter } from './user-search-form';
import { UserTable } from './user-table';

const isFiltered = (filter: UserFilter) => Object.values(filter).some(Boolean);

export function UserSearch() {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  const trpc = useTRPC();
  const [filter, setFilter] = useState<UserFilter>({});
  // A new key empties the form's fields when the search is cleared.
  const [formKey, setFormKey] = useState(0);
  const users = useInfiniteQuery(
    trpc.admin.users.infiniteQueryOptions(
      { ...filter, limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const clearSearch = () => {
    setFilter({});
    setFormKey((key) => key + 1);
  };

  let body;
  if (users.isPending) body = <LoadingLines label={t('users.list.loading')} lines={5} />;
  else if (users.isError) {
    body = (
      <ErrorState title={t('users.list.loadFailed')} onRetry={() => users.refetch()}>
        {users.error.message}
      </ErrorState>
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState
        icon={UsersIcon}
        title={t('users.list.empty')}
        action={
          isFiltered(filter) && (
            <Button variant="outline" onClick={clearSearch}>
              {t('labels.clearSearch')}
            </Button>
          )
        }
      >
        {isFiltered(filter) && t('users.list.emptyHint')}
      </EmptyState>
    );
  } else body = <UserTable users={items} />;

  return (
    <div className="space-y-6">
      <UserSearchForm key={formKey} onSearch={setFilter} />
      {body}
      {users.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => users.fetchNextPage()}
          disabled={users.isFetchingNextPage}
        >
          {users.isFetchingNextPage ? common('loading') : t('users.list.more')}
        </Button>
      )}
    </div>
  );
}
