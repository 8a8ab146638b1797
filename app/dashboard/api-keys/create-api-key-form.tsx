'use client';

import { useId, useState } from 'react';
import type { z } from 'zod';

import { Field, FieldError, FormMessage, SubmitButton } from '@/app/_components/form';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import {
  createApiKeyInput,
  createOrganizationApiKeyInput,
  type ApiKeyScope,
} from '@/server/api-keys/schemas';

import { useApiKeys, type NewApiKey } from './use-api-keys';

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

// A new key can read its own profile (GET /api/v1/me, the quick start's first call),
// or a team's key its members; anything more is a choice the user makes.
const PRESELECTED: ApiKeyScope[] = ['profile:read', 'members:read'];

const LABELS = { name: 'Name', scopes: 'Scopes', expiresAt: 'Expiry' };

function readKeyForm(data: FormData) {
  const days = Number(data.get('expiry')) || null;
  return {
    name: String(data.get('name') ?? ''),
    scopes: data.getAll('scopes').map(String) as ApiKeyScope[],
    expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
  };
}

/**
 * Makes a key with a choice of `scopes` (what the caller holds): a personal one, or
 * with `organizationId` one that acts only in that organization.
 */
export function CreateApiKeyForm({
  scopes,
  organizationId,
}: {
  scopes: readonly ApiKeyScope[];
  organizationId?: string;
}) {
  const { create, keys } = useApiKeys(organizationId);
  // Checked in the browser with the schema of the procedure it goes to.
  const schema: z.ZodType<NewApiKey, Omit<NewApiKey, 'expiresAt'> & { expiresAt?: unknown }> =
    organizationId ? createOrganizationApiKeyInput : createApiKeyInput;
  const form = useValidatedForm(schema, LABELS);
  const scopesErrorId = useId();
  const headingId = useId();
  const [newKey, setNewKey] = useState<string | null>(null);

  const submit = form.submitWith(readKeyForm, (input) => {
    setNewKey(null);
    create.mutate(input, {
      onSuccess: (result) => setNewKey(result.key),
      onError: form.failed,
    });
  });

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-semibold">
        Create a key
      </h2>
      <form method="post" onSubmit={submit} className="max-w-lg space-y-4" noValidate>
        <Field
          label="Name"
          required
          maxLength={80}
          placeholder="e.g. CI deploys"
          {...form.field('name')}
        />
        <fieldset
          className="space-y-1"
          aria-invalid={form.errors.scopes ? true : undefined}
          aria-describedby={form.errors.scopes ? scopesErrorId : undefined}
        >
          <legend className="text-sm font-medium">Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked={PRESELECTED.includes(scope)}
              />
              <code>{scope}</code>
            </label>
          ))}
          {form.errors.scopes && <FieldError id={scopesErrorId}>{form.errors.scopes}</FieldError>}
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
        <FormMessage outcome={form.outcome} />
        {/* Not before the list has loaded: a refresh would join that load and miss the key. */}
        <SubmitButton pending={create.isPending || keys.isPending}>Create key</SubmitButton>
      </form>
      {newKey && <NewKey value={newKey} />}
    </section>
  );
}
