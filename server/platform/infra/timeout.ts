export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with `promise`, or rejects once `ms` have passed, whichever comes first.
 *
 * The timeout measures what is awaited, not this process: when the event loop was
 * busy (a burst of requests on a cold instance), the timer fires late, in the loop's
 * timers phase, before the poll phase reads the replies that arrived meanwhile. So
 * the rejection waits for `setImmediate`, which runs after that poll phase: a reply
 * already in the socket wins, and only a store that has not answered is timed out.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => setImmediate(() => reject(new TimeoutError(ms))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
