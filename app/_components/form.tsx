import type { InputHTMLAttributes, ReactNode } from 'react';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900';

/** A labelled input: the label wraps it, so no id is needed to tie them. */
export function Field({
  label,
  ...input
}: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <input className={inputClass} {...input} />
    </label>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
    >
      {children}
    </button>
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
export function NewPasswordField({ label = 'New password' }: { label?: string }) {
  return (
    <Field
      label={label}
      name="newPassword"
      type="password"
      required
      minLength={8}
      autoComplete="new-password"
    />
  );
}
