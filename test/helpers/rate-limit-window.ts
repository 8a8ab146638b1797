import { fixedWindow } from '@/server/platform/infra/rate-limit/backends';

/*
 * Rate limits count in fixed windows aligned to the epoch (backends.ts): a 60 s
 * window runs from one whole minute to the next, an hour's from one whole hour to
 * the next, on every store and in every process that shares the clock. A test that
 * sends a limit's worth of requests and expects the next one refused fails if a
 * window ends in the middle, because the count starts over. Such a test calls
 * `roomInWindow` right before its counted sequence.
 *
 * Windows nest: every limit's window is a whole number of minutes, so an hour or a
 * quarter of an hour never ends inside a minute. Room in the shortest window a
 * sequence counts in is room in the longer ones too.
 */

/** How long to wait until `spanMs` fit in one `windowSeconds` window (0: they do now). */
export function waitForRoomMs(windowSeconds: number, spanMs: number, now = Date.now()): number {
  if (spanMs >= windowSeconds * 1000) {
    throw new Error(`${spanMs} ms never fit in a ${windowSeconds} s window`);
  }
  const { resetAt } = fixedWindow(windowSeconds, now);
  return resetAt - now < spanMs ? resetAt - now : 0;
}

/**
 * If fewer than `spanMs` of the current `windowSeconds` window are left, waits for
 * the next window to begin; otherwise returns at once. It only chooses when the
 * sequence starts: it asserts nothing and skips nothing, so the test that follows
 * can fail as before. `spanMs` should cover the sequence on a slow, busy machine.
 */
export async function roomInWindow(windowSeconds: number, spanMs: number): Promise<void> {
  const wait = waitForRoomMs(windowSeconds, spanMs);
  if (wait === 0) return;
  const { index } = fixedWindow(windowSeconds);
  await new Promise((resolve) => setTimeout(resolve, wait + 5));
  // A timer may fire a millisecond early; be sure the next window has begun.
  while (fixedWindow(windowSeconds).index === index) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
