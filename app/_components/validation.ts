import type { z } from 'zod';

import type { ApiError } from './api-types';

/** The label a person sees for each field of a form, by input key. */
export type FieldLabels = Record<string, string>;
export type FieldErrors = Partial<Record<string, string>>;

const plural = (count: number | bigint, unit: string) =>
  `${count} ${unit}${Number(count) === 1 ? '' : 's'}`;

/** "Scopes" → "scope", for "Choose at least one scope". */
const itemOf = (label: string) => label.toLowerCase().replace(/s$/, '');

/** One schema issue in words a person understands, naming the field by its label. */
export function humanIssue(issue: z.core.$ZodIssue, label: string): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `Choose at least ${Number(issue.minimum) === 1 ? 'one' : issue.minimum} ${itemOf(label)}`;
      }
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? `${label} is required`
          : `${label} must be at least ${plural(issue.minimum, 'character')}`;
      }
      return `${label} must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `${label} can be at most ${plural(issue.maximum, 'character')}`;
      }
      if (issue.origin === 'array') return `Choose at most ${issue.maximum} ${itemOf(label)}s`;
      return `${label} can be at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? `${label} is required`
        : `${label} is not valid`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address like name@example.com';
      if (issue.format === 'url') return `${label} must be a web address starting with https://`;
      return `${label} is not valid`;
    case 'invalid_value':
      return `Choose one of the options for ${label}`;
    case 'custom':
      return `${label}: ${issue.message}`;
    default:
      return `${label} is not valid`;
  }
}

/** The first message for each top-level field. */
export function errorsOfIssues(issues: z.core.$ZodIssue[], labels: FieldLabels): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= humanIssue(issue, labels[key] ?? 'This field');
  }
  return errors;
}

/**
 * A validation error the server found (a rule the browser cannot check, such as a
 * breached password): its fields, in the same words. Null for any other error.
 */
export function errorsOfServer(error: ApiError, labels: FieldLabels): FieldErrors | null {
  const data = error.data;
  const fields = data?.code === 'VALIDATION_FAILED' ? data.details?.fields : undefined;
  if (!fields?.length) return null;
  const errors: FieldErrors = {};
  for (const field of fields) {
    const key = field.path.split('.')[0] ?? '';
    const label = labels[key] ?? 'This field';
    // Our services phrase rules as predicates ("must be at least 8 characters").
    errors[key] ??= /^[a-z]/.test(field.message)
      ? `${label} ${field.message}`
      : `${label}: ${field.message}`;
  }
  return errors;
}
