import type { Logger } from '@/server/platform/observability/logger';

/**
 * Schedules a task for after the response has been sent. Under Next.js this is
 * `after()` (after-response.ts), which also keeps a serverless function alive until
 * the task ends; in tests and scripts it is a queue the caller drains. Work moves
 * here when doing it inside the request would make the answer's timing say
 * something (whether an address has an account).
 */
export type Defer = (task: () => Promise<void>) => void;

/** A request's way to run work after its response; the task is named for its log line. */
export type Background = (name: string, task: () => Promise<unknown>) => void;

/**
 * Nobody awaits a background task, so its failure would vanish: it is logged here,
 * once, with the request's logger (and so its request id).
 */
export function backgroundFor(defer: Defer, log: () => Logger): Background {
  return (name, task) =>
    defer(async () => {
      try {
        await task();
      } catch (error) {
        log().error({ err: error, task: name }, 'background task failed');
      }
    });
}

/**
 * Holds tasks until `drain()`, as `after()` holds them until the response is out:
 * tests take the response first (and may time it), then drain.
 */
export function deferredTasks() {
  const queue: Array<() => Promise<void>> = [];
  const running = new Set<Promise<void>>();
  const defer: Defer = (task) => {
    queue.push(task);
  };
  return {
    defer,
    /**
     * Runs every queued task, and any task they queue, one after another; and, as
     * concurrent requests drain the same queue, waits for those another drain runs.
     */
    async drain() {
      for (;;) {
        const task = queue.shift();
        if (task) {
          const run = task().finally(() => running.delete(run));
          running.add(run);
          await run;
        } else if (running.size > 0) {
          await Promise.allSettled([...running]);
        } else {
          return;
        }
      }
    },
  };
}
