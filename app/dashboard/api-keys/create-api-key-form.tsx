'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { useTRPC } from '@/app/_components/trpc-provider';
import { useFormOutcome } from '@/app/_components/use-form-outcome';
import type { Permission } from '@/server/auth/permissions';

const EXPIRY_DAYS = [
  { label: 'Never', days: null },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
] as const;

/** Shows a new key once, with the warning that it will not be shown again. */
function NewKey({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-4 dark:bg-amber-950"
    >
      <p className="font-medium">
        Copy your new key now. It is shown this once; we keep only a fingerprint of it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code aria-label="New API key" className="rounded bg-white px-2 py-1 dark:bg-slate-900">
          {value}
        </code>
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

export function CreateApiKeyForm({ scopes }: { scopes: Permission[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { outcome, clear, failed } = useFormOutcome();
  const [newKey, setNewKey] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async (result) => {
        setNewKey(result.key);
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.pathKey() });
      },
      onError: failed,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    setNewKey(null);
    const form = new FormData(event.currentTarget);
    const days = Number(form.get('expiry')) || null;
    create.mutate({
      name: String(form.get('name')),
      scopes: form.getAll('scopes').map(String) as Permission[],
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
    });
  }

  return (
    <section aria-labelledby="create-key-heading" className="space-y-4">
      <h2 id="create-key-heading" className="text-xl font-semibold">
        Create a key
      </h2>
      <form onSubmit={submit} className="max-w-lg space-y-4" noValidate>
        <Field label="Name" name="name" required maxLength={80} placeholder="e.g. CI deploys" />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} />
              <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <label className="block">
          <span className="text-sm font-medium">Expires</span>
          <select
            name="expiry"
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          >
            {EXPIRY_DAYS.map((option) => (
              <option key={option.label} value={option.days ?? ''}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <FormMessage outcome={outcome} />
        <SubmitButton pending={create.isPending}>Create key</SubmitButton>
      </form>
      {newKey && <NewKey value={newKey} />}
    </section>
  );
}
