import type { z } from 'zod';

import type { Messages } from '@/server/i18n/messages';

import type { ApiError } from './api-types';

/** The label a person sees for each field of a form, by input key. */
export type FieldLabels = Record<string, string>;
export type FieldErrors = Partial<Record<string, string>>;

type ValidationKey = keyof Messages['common']['validation'];
/** `useTranslations('common.validation')`, or any function with its shape. */
export type ValidationWords = (
  key: ValidationKey,
  values?: Record<string, string | number>,
) => string;

/** "Scopes" → "scope", for "Choose at least one scope"; other languages keep the label. */
const itemOf = (label: string, locale: string) =>
  locale === 'en' ? label.toLowerCase().replace(/s$/, '') : label;

/** One schema issue in words a person understands, naming the field by its label. */
export function humanIssue(
  issue: z.core.$ZodIssue,
  label: string,
  t: ValidationWords,
  locale = 'en',
): string {
  switch (issue.code) {
    case 'too_small': {
      const count = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return t('chooseAtLeast', { count, item: itemOf(label, locale) });
      }
      if (issue.origin === 'string') {
        return count <= 1 ? t('required', { label }) : t('minLength', { label, count });
      }
      return t('atLeast', { label, count });
    }
    case 'too_big': {
      const count = Number(issue.maximum);
      if (issue.origin === 'string') return t('maxLength', { label, count });
      if (issue.origin === 'array')
        return t('chooseAtMost', { count, item: itemOf(label, locale) });
      return t('atMost', { label, count });
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? t('required', { label })
        : t('notValid', { label });
    case 'invalid_format':
      if (issue.format === 'email') return t('email');
      if (issue.format === 'url') return t('httpsUrl', { label });
      return t('notValid', { label });
    case 'invalid_value':
      return t('chooseOption', { label });
    case 'custom':
      return t('custom', { label, message: issue.message });
    default:
      return t('notValid', { label });
  }
}

/** The first message for each top-level field. */
export function errorsOfIssues(
  issues: z.core.$ZodIssue[],
  labels: FieldLabels,
  t: ValidationWords,
  locale = 'en',
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= humanIssue(issue, labels[key] ?? t('thisField'), t, locale);
  }
  return errors;
}

/**
 * A validation error the server found (a rule the browser cannot check, such as a
 * breached password): its fields, labelled as the form labels them. The rule itself
 * is the server's words.
 */
export function errorsOfServer(
  error: ApiError,
  labels: FieldLabels,
  t: ValidationWords,
): FieldErrors | null {
  const data = error.data;
  const fields = data?.code === 'VALIDATION_FAILED' ? data.details?.fields : undefined;
  if (!fields?.length) return null;
  const errors: FieldErrors = {};
  for (const field of fields) {
    const key = field.path.split('.')[0] ?? '';
    const label = labels[key] ?? t('thisField');
    // Our services phrase rules as predicates ("must be at least 8 characters").
    errors[key] ??= /^[a-z]/.test(field.message)
      ? `${label} ${field.message}`
      : `${label}: ${field.message}`;
  }
  return errors;
}
