'use client';

import { useState } from 'react';

import type { FormOutcome } from './form';

/** The message a form shows after a submit, with the callbacks a mutation reports to. */
export function useFormOutcome() {
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  return {
    outcome,
    clear: () => setOutcome(null),
    succeeded: (text: string) => setOutcome({ ok: true, text }),
    failed: (error: { message: string }) => setOutcome({ ok: false, text: error.message }),
  };
}
