import { setTimeout as sleep } from 'node:timers/promises';

import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migratePostgres, openPostgresDatabase } from '@/db/postgres';
import { ANONYMOUS_CLAIMS, withRls } from '@/db/rls';
import { startTestCluster, type TestCluster } from '@/db/test-cluster';
import type { Database } from '@/db/types';
import { toPublicError } from '@/server/platform/http/errors';

import { checkHealth, healthHttpStatus } from './health';

// A real server that this file stops and starts: an outage cannot be faked with PGlite.
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  await migratePostgres(cluster.url);
});
afterAll(() => cluster?.destroy());

type Outcome = { startedAt: number; ms: number; error?: unknown };

/** Light load: a few callers each running a small RLS transaction in a loop, until stopped. */
function runLoad(db: Database, callers = 4) {
  const outcomes: Outcome[] = [];
  let running = true;
  const loops = Array.from({ length: callers }, async () => {
    while (running) {
      const startedAt = performance.now();
      try {
        await withRls(db, ANONYMOUS_CLAIMS, (tx) => tx.execute(sql`select count(*) from profiles`));
        outcomes.push({ startedAt, ms: performance.now() - startedAt });
      } catch (error) {
        outcomes.push({ startedAt, ms: performance.now() - startedAt, error });
      }
      await sleep(50);
    }
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

// What both adapters answer for a failure thrown inside a procedure.
const publicErrorOf = (error: unknown) =>
  toPublicError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }));

const healthOf = (db: Database) =>
  checkHealth({ db, redis: null, stripe: null, email: null, timeoutMs: 2_000 });

const seconds = (ms: number) => Math.round(ms / 100) / 10;

describe.each([{ prepare: true }, { prepare: false }])(
  'a database outage (prepare: $prepare)',
  ({ prepare }) => {
    it('fails requests within 3 s as 503s, and the pool serves again within 10 s of the return', async () => {
      const { db, close } = openPostgresDatabase(cluster.url, { prepare, max: 4 });
      const load = runLoad(db);
      let down = false;
      try {
        await sleep(1_500);
        expect(load.outcomes.filter((outcome) => outcome.error)).toEqual([]);
        expect((await healthOf(db)).status).toBe('healthy');

        await cluster.stopImmediately();
        down = true;
        const downAt = performance.now();
        // Enough requests begun since: polled rather than a fixed wait, since on a busy
        // machine (a whole suite beside this file) the callers may be scheduled late.
        await expect
          .poll(() => load.outcomes.filter((outcome) => outcome.startedAt >= downAt).length, {
            timeout: 20_000,
            interval: 100,
          })
          .toBeGreaterThan(20);
        const health = await healthOf(db);
        expect(health.status).toBe('unhealthy');
        expect(healthHttpStatus(health)).toBe(503);

        // Every request that began while the database was down failed fast and cleanly.
        const duringOutage = load.outcomes.filter((outcome) => outcome.startedAt >= downAt);
        for (const outcome of duringOutage) {
          expect(outcome.error).toBeDefined();
          expect(outcome.ms).toBeLessThan(3_000);
          expect(publicErrorOf(outcome.error)).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
        }

        await cluster.start();
        down = false;
        const backAt = performance.now();
        await expect
          .poll(() => load.outcomes.some((o) => o.startedAt >= backAt && !o.error), {
            timeout: 10_000,
            interval: 50,
          })
          .toBe(true);
        const servingAt = Math.min(
          ...load.outcomes.filter((o) => o.startedAt >= backAt && !o.error).map((o) => o.startedAt),
        );
        await sleep(15_000);
        expect((await healthOf(db)).status).toBe('healthy');

        // From the first success on, nothing fails: no connection stayed broken.
        const afterReturn = load.outcomes.filter((outcome) => outcome.startedAt >= servingAt);
        expect(afterReturn.length).toBeGreaterThan(200);
        expect(afterReturn.filter((outcome) => outcome.error)).toEqual([]);
        // Nothing at any point was anything but a success or a clean 503.
        for (const { error } of load.outcomes.filter((outcome) => outcome.error)) {
          expect(publicErrorOf(error).status).toBe(503);
        }

        const slowestFailure = Math.max(...duringOutage.map((outcome) => outcome.ms));
        console.info(
          `prepare ${prepare}: slowest failure during the outage ${seconds(slowestFailure)} s ` +
            `(${duringOutage.length} requests), serving again ${seconds(servingAt - backAt)} s after the return`,
        );
      } finally {
        await load.stop();
        await close();
        // A failure mid-outage must not leave the next test a stopped server.
        if (down) await cluster.start();
      }
    }, 75_000);
  },
);
