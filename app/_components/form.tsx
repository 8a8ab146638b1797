'use client';

import { useTranslations } from 'next-intl';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/server/auth/password-rules';

import { Button } from './ui/button';
import { Input } from './ui/input';
import { useHydrated } from './use-hydrated';

/**
 * A labelled input (the label wraps it); with an error, the input is marked invalid
 * and described by the message, which screen readers read with the field.
 */
export function Field({
  label,
  error,
  ...input
}: { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = useId();
  return (
    <label className="block space-y-1.5">
      <span className="text-sm font-medium">{label}</span>
      <Input
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </label>
  );
}

type FieldProps = { label?: string; name: string; error?: string };

/** An email address, with the schema's limit (254, as RFC 5321 allows). */
export function EmailField({ label, ...props }: FieldProps) {
  const t = useTranslations('common.form');
  label ??= t('email');
  return (
    <Field label={label} type="email" required maxLength={254} autoComplete="email" {...props} />
  );
}

/** The password a person already has (sign-in, confirming a change). */
export function CurrentPasswordField({ label, ...props }: FieldProps) {
  const t = useTranslations('common.form');
  label ??= t('password');
  return (
    <Field label={label} type="password" required autoComplete="current-password" {...props} />
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span id={id} className="mt-1 block text-sm text-red-600 dark:text-red-400">
      {children}
    </span>
  );
}

/**
 * Disabled until the page is interactive: a form submitted before its script runs
 * would be sent by the browser itself, and a password must never travel that way
 * (the forms say method="post" too, so even then it stays out of URLs and logs).
 */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <Button type="submit" disabled={pending || !hydrated}>
      {children}
    </Button>
  );
}

export type FormOutcome = { ok: boolean; text: string } | null;

/** The result of a submit, announced to screen readers (status or alert). */
export function FormMessage({ outcome }: { outcome: FormOutcome }) {
  if (!outcome) return null;
  return (
    <p
      role={outcome.ok ? 'status' : 'alert'}
      className={
        outcome.ok
          ? 'text-sm text-emerald-700 dark:text-emerald-400'
          : 'text-sm text-red-600 dark:text-red-400'
      }
    >
      {outcome.text}
    </p>
  );
}

/** A new password: the browser may suggest one; the server applies the rules. */
export function NewPasswordField({
  label,
  name = 'newPassword',
  error,
}: {
  label?: string;
  name?: string;
  error?: string;
}) {
  const t = useTranslations('common.form');
  label ??= t('newPassword');
  return (
    <Field
      label={label}
      name={name}
      type="password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      autoComplete="new-password"
      error={error}
    />
  );
}
