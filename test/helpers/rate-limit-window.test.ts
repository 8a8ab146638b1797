import { describe, expect, it } from 'vitest';

import { roomInWindow, waitForRoomMs } from './rate-limit-window';

describe('roomInWindow', () => {
  const minute = 60_000;

  it('waits only when less than the span is left of the epoch-aligned window', () => {
    expect(waitForRoomMs(60, 15_000, 100 * minute)).toBe(0);
    expect(waitForRoomMs(60, 15_000, 100 * minute + 45_000)).toBe(0);
    expect(waitForRoomMs(60, 15_000, 100 * minute + 45_001)).toBe(14_999);
    expect(waitForRoomMs(60, 15_000, 101 * minute - 1)).toBe(1);
    expect(waitForRoomMs(3_600, 15_000, 60 * minute - 10_000)).toBe(10_000);
    expect(waitForRoomMs(3_600, 15_000, 60 * minute + 10_000)).toBe(0);
  });

  it('refuses a span that no window can hold', () => {
    expect(() => waitForRoomMs(1, 1_000)).toThrow();
  });

  it('returns in a window with at least the span left', async () => {
    await roomInWindow(1, 900);
    expect(1_000 - (Date.now() % 1_000)).toBeGreaterThanOrEqual(800);
  });
});
