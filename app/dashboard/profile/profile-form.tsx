'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { useTRPC } from '@/app/_components/trpc-provider';

export function ProfileForm(props: { displayName: string; avatarUrl: string }) {
  const trpc = useTRPC();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const update = useMutation(
    trpc.me.update.mutationOptions({
      onSuccess: () => setMessage({ ok: true, text: 'Profile saved.' }),
      onError: (error) => setMessage({ ok: false, text: error.message }),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const avatarUrl = String(form.get('avatarUrl')).trim();
    update.mutate({
      displayName: String(form.get('displayName')).trim() || null,
      avatarUrl: avatarUrl || null,
    });
  }

  const input =
    'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900';
  return (
    <form onSubmit={submit} className="max-w-sm space-y-4">
      <label className="block">
        <span className="text-sm font-medium">Display name</span>
        <input name="displayName" defaultValue={props.displayName} className={input} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Avatar URL (https)</span>
        <input name="avatarUrl" type="url" defaultValue={props.avatarUrl} className={input} />
      </label>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={
            message.ok
              ? 'text-sm text-emerald-700 dark:text-emerald-400'
              : 'text-sm text-red-600 dark:text-red-400'
          }
        >
          {message.text}
        </p>
      )}
      <button
        type="submit"
        disabled={update.isPending}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        Save profile
      </button>
    </form>
  );
}
