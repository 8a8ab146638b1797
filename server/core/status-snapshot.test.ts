import { describe, expect, it } from 'vitest';

import type { ServiceStatus } from './status-snapshot';
import { statusSnapshot } from './status-snapshot';

/** A probe the test answers by hand, counting how often it was started. */
function manualProbe() {
  const pending: ((status: ServiceStatus) => void)[] = [];
  const fails: ((error: Error) => void)[] = [];
  return {
    probe: () =>
      new Promise<ServiceStatus>((resolve, reject) => {
        pending.push(resolve);
        fails.push(reject);
      }),
    started: () => pending.length,
    answer: (status: ServiceStatus) => pending.at(-1)!(status),
    fail: () => fails.at(-1)!(new Error('database down')),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('statusSnapshot', () => {
  it('runs one probe for any number of concurrent first reads', async () => {
    const manual = manualProbe();
    const read = statusSnapshot(manual.probe, { now: () => 0 });
    const reads = Promise.all(Array.from({ length: 100 }, () => read()));
    await settle();
    expect(manual.started()).toBe(1);
    manual.answer('healthy');
    expect(new Set(await reads)).toEqual(new Set(['healthy']));
  });

  it('answers from the snapshot for 30 s, then refreshes once in the background', async () => {
    let clock = 0;
    const manual = manualProbe();
    const read = statusSnapshot(manual.probe, { now: () => clock });
    const first = read();
    manual.answer('healthy');
    await first;

    clock = 29_999;
    for (let i = 0; i < 50; i++) expect(await read()).toBe('healthy');
    expect(manual.started()).toBe(1);

    clock = 30_000;
    // Stale reads keep answering at once while one probe runs; none waits for it.
    for (let i = 0; i < 50; i++) expect(await read()).toBe('healthy');
    expect(manual.started()).toBe(2);
    manual.answer('degraded');
    await settle();
    expect(await read()).toBe('degraded');
    expect(manual.started()).toBe(2);
  });

  it('reads a failed probe as unknown (null) until the next one succeeds', async () => {
    let clock = 0;
    const manual = manualProbe();
    const read = statusSnapshot(manual.probe, { now: () => clock });
    const first = read();
    manual.fail();
    expect(await first).toBeNull();
    clock = 30_000;
    expect(await read()).toBeNull();
    manual.answer('unhealthy');
    await settle();
    expect(await read()).toBe('unhealthy');
  });
});
