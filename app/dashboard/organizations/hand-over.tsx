'use client';

import { useEffect, useRef, useState } from 'react';

const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900';
// A second click of a double-click, or a held Enter, lands within this: not a decision.
const SETTLE_MS = 500;

/**
 * "Make owner", then a separate question with Hand over and Cancel (which takes the
 * focus): handing a team over is as weighty as deleting it, so one gesture never does it.
 */
export function HandOver({
  teamName,
  email,
  busy,
  onConfirm,
}: {
  teamName: string;
  email: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [armedAt, setArmedAt] = useState<number | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const makeOwner = useRef<HTMLButtonElement>(null);
  const wasArmed = useRef(false);
  // The focus goes to Cancel when asking, and back to Make owner when cancelled.
  useEffect(() => {
    if (armedAt !== null) {
      wasArmed.current = true;
      cancel.current?.focus();
    } else if (wasArmed.current) {
      makeOwner.current?.focus();
    }
  }, [armedAt]);

  if (armedAt === null) {
    return (
      <button
        ref={makeOwner}
        type="button"
        disabled={busy}
        aria-label={`Make owner: ${email}`}
        className={buttonClass}
        onClick={() => setArmedAt(Date.now())}
      >
        Make owner
      </button>
    );
  }
  return (
    <span role="group" aria-label={`Hand ${teamName} over`} className="flex items-center gap-2">
      <span className="text-sm">
        Hand {teamName} to {email}? You become an admin.
      </span>
      <button
        type="button"
        disabled={busy}
        className={`${buttonClass} border-amber-500`}
        onClick={() => {
          if (Date.now() - armedAt >= SETTLE_MS) onConfirm();
        }}
      >
        Hand over
      </button>
      <button
        ref={cancel}
        type="button"
        disabled={busy}
        className={buttonClass}
        onClick={() => setArmedAt(null)}
      >
        Cancel
      </button>
    </span>
  );
}
