'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

const when = (date: Date | null) => (date ? date.toLocaleDateString() : '—');

const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900';

export function ApiKeyList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useInfiniteQuery(
    trpc.apiKeys.list.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = keys.data?.pages.flatMap((page) => page.items) ?? [];
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        return queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.pathKey() });
      },
    }),
  );

  let body;
  if (keys.isPending) body = <p>Loading keys…</p>;
  else if (keys.isError) body = <p role="alert">Could not load your API keys.</p>;
  else if (items.length === 0) body = <p>No keys yet. Create one above.</p>;
  else {
    body = (
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {items.map((key) => (
          <li
            key={key.id}
            aria-label={`API key ${key.name}`}
            className="flex flex-wrap items-center justify-between gap-3 p-4"
          >
            <div className="space-y-1 text-sm">
              <p className="font-medium">
                {key.name} <code className="text-slate-500">{key.displayPrefix}…</code>{' '}
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
                  {key.status}
                </span>
              </p>
              <p className="text-slate-600 dark:text-slate-400">
                {key.scopes.join(', ')} · created {when(key.createdAt)} · last used{' '}
                {when(key.lastUsedAt)} · expires {key.expiresAt ? when(key.expiresAt) : 'never'}
              </p>
            </div>
            {key.status === 'active' &&
              (confirming === key.id ? (
                <span className="flex gap-2">
                  <button
                    type="button"
                    onClick={() => revoke.mutate({ id: key.id })}
                    disabled={revoke.isPending}
                    className={`${buttonClass} border-red-400 text-red-700 dark:text-red-400`}
                  >
                    Yes, revoke {key.name}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)} className={buttonClass}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirming(key.id)} className={buttonClass}>
                  Revoke
                </button>
              ))}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby="keys-heading" className="space-y-4">
      <h2 id="keys-heading" className="text-xl font-semibold">
        Your keys
      </h2>
      {body}
      {keys.hasNextPage && (
        <button
          type="button"
          onClick={() => keys.fetchNextPage()}
          disabled={keys.isFetchingNextPage}
          className={buttonClass}
        >
          {keys.isFetchingNextPage ? 'Loading…' : 'Show older keys'}
        </button>
      )}
      {revoke.isError && <p role="alert">{revoke.error.message}</p>}
    </section>
  );
}
