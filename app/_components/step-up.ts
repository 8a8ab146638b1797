/**
 * A sensitive action refused with STEP_UP_REQUIRED (server/identity/assurance.ts):
 * the query client hands it here, the step-up dialog asks for a code, then retries.
 * One dialog per page, so one listener.
 */
type StepUpListener = (retry: () => unknown) => void;
let listener: StepUpListener | null = null;

export function listenForStepUp(next: StepUpListener) {
  listener = next;
  return () => {
    if (listener === next) listener = null;
  };
}

/** The tRPC error's code, from the one error table (server/trpc.ts errorFormatter). */
const codeOf = (error: unknown) =>
  (error as { data?: { code?: string } } | null)?.data?.code ?? null;

/** True when the error asked for a step-up and a dialog took it. */
export function offerStepUp(error: unknown, retry: () => unknown) {
  if (codeOf(error) !== 'STEP_UP_REQUIRED' || !listener) return false;
  listener(retry);
  return true;
}
