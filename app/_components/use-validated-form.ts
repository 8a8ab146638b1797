'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';

import type { ApiError } from './api-types';
import { useFormOutcome } from './use-form-outcome';
import { errorsOfIssues, errorsOfServer, type FieldErrors, type FieldLabels } from './validation';

/**
 * A form checked in the browser with the procedure's own input schema before it
 * is sent (a typo costs no request and no rate-limit budget), whose fields show
 * what is wrong in words, and which shows the server's verdict the same way.
 */
export function useValidatedForm<S extends z.ZodType>(schema: S, labels: FieldLabels) {
  const { outcome, clear, succeeded, failed } = useFormOutcome();
  const [errors, setErrors] = useState<FieldErrors>({});
  const t = useTranslations('common.validation');
  const locale = useLocale();

  return {
    outcome,
    errors,
    succeeded,
    /** Props for a Field: its name and, when it breaks a rule, the message. */
    field: (name: string) => ({ name, error: errors[name] }),
    /**
     * The submit handler: reads the form, validates it, and calls `send` with the
     * parsed input; on a broken rule it marks the fields and focuses the first.
     */
    submitWith:
      (read: (form: FormData) => z.input<S>, send: (input: z.output<S>) => void) =>
      (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        clear();
        const formElement = event.currentTarget;
        const result = schema.safeParse(read(new FormData(formElement)));
        if (!result.success) {
          const found = errorsOfIssues(result.error.issues, labels, t, locale);
          setErrors(found);
          const first = Object.keys(found)[0];
          if (first) formElement.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
          return;
        }
        setErrors({});
        send(result.data);
      },
    /** For the mutation's onError: field errors go to their fields, and are announced. */
    failed: (error: ApiError) => {
      const found = errorsOfServer(error, labels, t);
      if (!found) return failed(error);
      setErrors(found);
      failed({ message: Object.values(found).join(' ') });
    },
  };
}
