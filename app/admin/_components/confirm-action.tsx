'use client';

import { useState } from 'react';

import { dangerButtonClass, smallButtonClass } from './styles';

type Step = 'idle' | 'confirming' | 'cancelled';

/**
 * A destructive action in two clicks: `label`, then `confirmLabel` or Cancel. Focus
 * follows the swap, so keyboard users stay where they were.
 */
export function ConfirmAction({
  label,
  confirmLabel,
  onConfirm,
  pending,
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
}) {
  const [step, setStep] = useState<Step>('idle');
  if (step !== 'confirming') {
    return (
      <button
        type="button"
        onClick={() => setStep('confirming')}
        disabled={pending}
        // Focus returns here after Cancel (but not on first render).
        autoFocus={step === 'cancelled'}
        className={smallButtonClass}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="flex flex-wrap gap-2">
      <button
        type="button"
        onClick={onConfirm}
        disabled={pending}
        // It replaced the button just clicked, so focus moves to it.
        autoFocus
        className={dangerButtonClass}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setStep('cancelled')} className={smallButtonClass}>
        Cancel
      </button>
    </span>
  );
}
