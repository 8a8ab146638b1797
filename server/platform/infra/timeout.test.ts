import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { TimeoutError, withTimeout } from './timeout';

/** Keeps this thread busy, as a burst of requests does, without yielding. */
function blockEventLoop(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

describe('withTimeout', () => {
  it('rejects with a TimeoutError when nothing answers in time', async () => {
    const started = performance.now();
    await expect(withTimeout(new Promise(() => {}), 50)).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(49);
  });

  it('settles with the answer when it comes first', async () => {
    await expect(withTimeout(Promise.resolve('answer'), 50)).resolves.toBe('answer');
  });

  it('keeps an answer that arrived while this process was too busy to read it', async () => {
    // One thread-pool job: it finishes on another thread while this one is blocked
    // past the deadline, and its result waits for the poll phase, which runs after
    // the (late) timer. The store answered in time; the process was slow.
    const answer = promisify(pbkdf2)('password', 'salt', 1, 32, 'sha256');
    const raced = withTimeout(answer, 20);
    // Blocked in the check phase, so the loop's next turn starts with the timers.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        blockEventLoop(200);
        resolve();
      }),
    );
    await expect(raced).resolves.toHaveLength(32);
  });
});
