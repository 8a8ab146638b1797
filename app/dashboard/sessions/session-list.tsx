'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '@/app/_components/trpc-provider';
import { deviceName } from '@/app/_components/device-name';

function SignOutOthersButton(props: { onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      {...props}
      className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
    >
      Sign out everywhere else
    </button>
  );
}

const when = (date: Date) => date.toLocaleString();

/** `listed` is false under Supabase Auth, which keeps sessions to itself. */
export function SessionList({ listed }: { listed: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.sessions.list.queryOptions(undefined, { enabled: listed }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() });
  const revoke = useMutation(trpc.sessions.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(
    trpc.sessions.revokeOthers.mutationOptions({ onSuccess: refresh }),
  );

  if (!listed) {
    return (
      <div className="space-y-2">
        <SignOutOthersButton
          onClick={() => revokeOthers.mutate()}
          disabled={revokeOthers.isPending || revokeOthers.isSuccess}
        />
        {revokeOthers.isSuccess && <p role="status">Your other devices are signed out.</p>}
      </div>
    );
  }
  if (sessions.isPending) return <p>Loading sessions…</p>;
  if (sessions.isError) return <p role="alert">Could not load your sessions.</p>;

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {sessions.data.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="text-sm">
              <p className="font-medium" title={session.userAgent ?? undefined}>
                {deviceName(session.userAgent)}
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
      <SignOutOthersButton
        onClick={() => revokeOthers.mutate()}
        disabled={sessions.data.length < 2 || revokeOthers.isPending}
      />
    </div>
  );
}
