'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FocusEvent } from 'react';
import type { z } from 'zod';

import { Field, FieldError, FormMessage, SubmitButton } from '@/app/_components/form';
import { CopyButton } from '@/app/_components/ui/copy-button';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '@/app/_components/ui/card';
import { Checkbox } from '@/app/_components/ui/checkbox';
import { NativeSelect } from '@/app/_components/ui/input';
import { Label } from '@/app/_components/ui/label';
import { toast } from '@/app/_components/ui/toaster';
import { useValidatedForm } from '@/app/_components/use-validated-form';
import {
  createApiKeyInput,
  createOrganizationApiKeyInput,
  type ApiKeyScope,
} from '@/server/api-keys/schemas';

import { useApiKeys, type NewApiKey } from './use-api-keys';

const EXPIRY_DAYS = [null, 30, 90, 365] as const;

/** Shows a new key once, with the warning that it will not be shown again. */
function NewKey({ value }: { value: string }) {
  const t = useTranslations('apiKeys.createForm');
  return (
    <div
      role="status"
      className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="text-sm font-medium">{t('newKeyWarning')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label={t('newKey')}
          className="rounded-md border border-border bg-background px-2 py-1 text-sm break-all text-foreground"
        >
          {value}
        </code>
        <CopyButton text={value} label={t('copyNewKey')} />
      </div>
    </div>
  );
}

// A new key can read its own profile (GET /api/v1/me, the quick start's first call),
// or a team's key its members; anything more is a choice the user makes.
const PRESELECTED: ApiKeyScope[] = ['profile:read', 'members:read'];

/** The scopes to tick, each a kit checkbox that posts with the form. */
function ScopeChoices({ scopes, error }: { scopes: readonly ApiKeyScope[]; error?: string }) {
  const t = useTranslations('apiKeys.createForm');
  const id = useId();
  // A scope error focuses [name="scopes"]: with these checkboxes that is their hidden
  // form input, so focus moves on to the first visible checkbox.
  const passFocus = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (event.target.getAttribute('aria-hidden') !== 'true') return;
    event.currentTarget.querySelector<HTMLElement>('[role="checkbox"]')?.focus();
  };
  return (
    <fieldset
      className="space-y-2"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onFocus={passFocus}
    >
      <legend className="mb-2 text-sm font-medium">{t('scopes')}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {scopes.map((scope) => (
          <div key={scope} className="flex items-center gap-2">
            <Checkbox
              id={`${id}-${scope}`}
              name="scopes"
              value={scope}
              defaultChecked={PRESELECTED.includes(scope)}
            />
            <Label htmlFor={`${id}-${scope}`} className="font-normal">
              <code>{scope}</code>
            </Label>
          </div>
        ))}
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}

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
  const t = useTranslations('apiKeys.createForm');
  const { create, keys } = useApiKeys(organizationId);
  // Checked in the browser with the schema of the procedure it goes to.
  const schema: z.ZodType<NewApiKey, Omit<NewApiKey, 'expiresAt'> & { expiresAt?: unknown }> =
    organizationId ? createOrganizationApiKeyInput : createApiKeyInput;
  const form = useValidatedForm(schema, {
    name: t('name'),
    scopes: t('scopes'),
    expiresAt: t('expiry'),
  });
  const expiryId = useId();
  const [newKey, setNewKey] = useState<string | null>(null);

  const submit = form.submitWith(readKeyForm, (input) => {
    setNewKey(null);
    create.mutate(input, {
      onSuccess: (result) => {
        setNewKey(result.key);
        toast.success(t('created', { name: input.name }));
      },
      onError: form.failed,
    });
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <form method="post" onSubmit={submit} className="max-w-lg space-y-4" noValidate>
          <Field
            label={t('name')}
            required
            maxLength={80}
            placeholder={t('namePlaceholder')}
            {...form.field('name')}
          />
          <ScopeChoices scopes={scopes} error={form.errors.scopes} />
          <div className="space-y-1.5">
            <Label htmlFor={expiryId}>{t('expires')}</Label>
            <NativeSelect id={expiryId} name="expiry" className="w-auto">
              {EXPIRY_DAYS.map((days) => (
                <option key={days ?? 'never'} value={days ?? ''}>
                  {days === null
                    ? t('never')
                    : days % 365 === 0
                      ? t('years', { count: days / 365 })
                      : t('days', { count: days })}
                </option>
              ))}
            </NativeSelect>
          </div>
          <FormMessage outcome={form.outcome} />
          {/* Not before the list has loaded: a refresh would join that load and miss the key. */}
          <SubmitButton pending={create.isPending || keys.isPending}>{t('submit')}</SubmitButton>
        </form>
        {newKey && <NewKey value={newKey} />}
      </CardContent>
    </Card>
  );
}
