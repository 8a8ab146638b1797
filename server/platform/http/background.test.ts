import { describe, expect, it, vi } from 'vitest';

import { backgroundFor, deferredTasks } from './background';
import { logger } from '@/server/platform/observability/logger';

describe('background work', () => {
  it('waits for the drain, logs a failed task by name, and runs the rest', async () => {
    const log = logger.child({});
    const error = vi.spyOn(log, 'error');
    const queue = deferredTasks();
    const background = backgroundFor(queue.defer, () => log);
    const done: string[] = [];
    background('failing', async () => {
      throw new Error('mail server down');
    });
    background('next', async () => {
      done.push('next');
      // A task may queue another; the drain runs it too.
      background('nested', async () => done.push('nested'));
    });
    expect(done).toEqual([]);
    await expect(queue.drain()).resolves.toBeUndefined();
    expect(done).toEqual(['next', 'nested']);
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]![0]).toMatchObject({ task: 'failing', err: expect.any(Error) });
  });

  it('a drain also waits for a task that a concurrent drain started', async () => {
    const queue = deferredTasks();
    let finished = false;
    queue.defer(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = true;
    });
    const first = queue.drain();
    await queue.drain();
    expect(finished).toBe(true);
    await first;
  });
});
