'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

import { secondaryButtonClass } from '../_components/styles';
import { UserSearchForm, type UserFilter } from './user-search-form';
import { UserTable } from './user-table';

export function UserSearch() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<UserFilter>({});
  const users = useInfiniteQuery(
    trpc.admin.users.infiniteQueryOptions(
      { ...filter, limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  let body;
  if (users.isPending) body = <p role="status">Loading users…</p>;
  else if (users.isError) body = <p role="alert">Could not load users: {users.error.message}</p>;
  else if (items.length === 0) body = <p>No users match.</p>;
  else body = <UserTable users={items} />;

  return (
    <div className="space-y-6">
      <UserSearchForm onSearch={setFilter} />
      {body}
      {users.hasNextPage && (
        <button
          type="button"
          onClick={() => users.fetchNextPage()}
          disabled={users.isFetchingNextPage}
          className={secondaryButtonClass}
        >
          {users.isFetchingNextPage ? 'Loading…' : 'Show more users'}
        </button>
      )}
    </div>
  );
}
