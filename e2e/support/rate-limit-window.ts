import { test } from '@playwright/test';

import {
  roomInWindow as roomInServerWindow,
  waitForRoomMs,
} from '@/test/helpers/rate-limit-window';

/**
 * The unit tests' guard (test/helpers/rate-limit-window.ts), for specs: the
 * server runs in another process but on the same clock, and its windows are aligned
 * to the epoch, so the same arithmetic tells when its window ends. Any wait is added
 * to the test's timeout, so the guard never eats into the time the test itself has.
 */
export async function roomInWindow(windowSeconds: number, spanMs: number): Promise<void> {
  const wait = waitForRoomMs(windowSeconds, spanMs);
  if (wait > 0) test.info().setTimeout(test.info().timeout + wait + 1_000);
  await roomInServerWindow(windowSeconds, spanMs);
}
