'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

import { useApiKeys } from './use-api-keys';

const when = (date: Date | null) => (date ? date.toLocaleDateString() : '—');

const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900';

/**
 * Keys with their state and a revoke button: the caller's own, or with
 * `organizationId` an organization's (every member's for its owners and admins, named
 * by `memberEmail`).
 */
export function ApiKeyList({
  organizationId,
  title = 'Your keys',
  memberEmail,
}: {
  organizationId?: string;
  title?: string;
  memberEmail?: (userId: string) => string;
}) {
  const { keys, revoke } = useApiKeys(organizationId);
  const trpc = useTRPC();
  // Your own keys span your organizations: a team's key says which.
  const organizations = useQuery({
    ...trpc.organizations.list.queryOptions(),
    enabled: organizationId === undefined,
  });
  const teamOf = (id: string) =>
    organizationId === undefined
      ? organizations.data?.items.find((item) => item.id === id && !item.personal)?.name
      : undefined;
  const items = keys.data?.pages.flatMap((page) => page.items) ?? [];
  const [confirming, setConfirming] = useState<string | null>(null);
  const headingId = useId();

  let body;
  if (keys.isPending) body = <p>Loading keys…</p>;
  else if (keys.isError) body = <p role="alert">Could not load the API keys.</p>;
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
                {memberEmail && <>by {memberEmail(key.createdBy)} · </>}
                {teamOf(key.organizationId) && <>in {teamOf(key.organizationId)} · </>}
                {key.scopes.join(', ')} · created {when(key.createdAt)} · last used{' '}
                {when(key.lastUsedAt)} · expires {key.expiresAt ? when(key.expiresAt) : 'never'}
              </p>
            </div>
            {key.status === 'active' &&
              (confirming === key.id ? (
                <span className="flex gap-2">
                  <button
                    type="button"
                    onClick={() => revoke.mutate(key.id, { onSuccess: () => setConfirming(null) })}
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
                <button
                  type="button"
                  aria-label={`Revoke ${key.name}`}
                  onClick={() => setConfirming(key.id)}
                  className={buttonClass}
                >
                  Revoke
                </button>
              ))}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
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
      {revoke.error && <p role="alert">{revoke.error.message}</p>}
    </section>
  );
}
