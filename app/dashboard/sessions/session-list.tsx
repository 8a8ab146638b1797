'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '@/app/_components/trpc-provider';

const when = (date: Date | string) => new Date(date).toLocaleString();

export function SessionList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() });
  const revoke = useMutation(trpc.sessions.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(
    trpc.sessions.revokeOthers.mutationOptions({ onSuccess: refresh }),
  );

  if (sessions.isPending) return <p>Loading sessions…</p>;
  if (sessions.isError) return <p role="alert">Could not load your sessions.</p>;

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {sessions.data.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="text-sm">
              <p className="font-medium">
                {session.userAgent ?? 'Unknown device'}
                {session.current && (
                  <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                    This device
                  </span>
                )}
              </p>
              <p className="text-slate-600 dark:text-slate-400">
                {session.ip ?? 'unknown address'} · signed in {when(session.createdAt)} · last seen{' '}
                {when(session.lastSeenAt)}
              </p>
            </div>
            {!session.current && (
              <button
                type="button"
                onClick={() => revoke.mutate({ id: session.id })}
                className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900"
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => revokeOthers.mutate()}
        disabled={sessions.data.length < 2 || revokeOthers.isPending}
        className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Sign out everywhere else
      </button>
    </div>
  );
}
