import { describe, expect, it } from 'vitest';

import { AppError } from '@/server/platform/http/errors';
import { fixedWindow } from '@/server/platform/infra/rate-limit/backends';
import { NAMED_LIMITS } from '@/server/platform/infra/rate-limit/config';
import {
  assertSignInAllowed,
  recordFailedSignIn,
} from '@/server/platform/infra/rate-limit/sign-in-failures';
import { newTestEmail, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { roomInWindow } from '@/test/helpers/rate-limit-window';
import { testScope, uniqueClientIp } from '@/test/helpers/scope';

const { api, db } = testApi();

const from = (clientIp: string) => ({ 'x-test-client-ip': clientIp });
const signIn = (email: string, password: string, clientIp: string) =>
  api.postJson('/auth/sign-in', { email, password }, from(clientIp));

// The failures must count in one window (15 minutes per address, an hour per
// account; windows are aligned to the epoch and the hour's never ends inside a
// quarter's), so each test first waits out a quarter of an hour about to end.
const FAILURE_WINDOW = NAMED_LIMITS.signInFailure.windowSeconds;

describe('failed sign-ins slow a guesser without locking the owner out', () => {
  it('five wrong passwords from one address: the owner signs in elsewhere at once', async () => {
    const { email, password } = await signedInUser(api, db());
    const [attacker, owner] = [uniqueClientIp(), uniqueClientIp()];
    await roomInWindow(FAILURE_WINDOW, 20_000);
    for (let i = 0; i < NAMED_LIMITS.signInFailure.requests; i++) {
      expect((await signIn(email, 'not the password', attacker)).status).toBe(401);
    }
    expect((await signIn(email, password, owner)).status).toBe(200);

    // Refused before the password is checked, or the guesser could read a 200.
    const refused = await signIn(email, password, attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
  });

  it('refuses that account from that address for the failure window (15 minutes)', async () => {
    // The pipeline's per-address limit on attempts (a minute) answers first over
    // REST; here the failure rule alone, to show how long it holds.
    const email = newTestEmail();
    const [attacker, owner] = [
      testScope({ clientIp: uniqueClientIp() }),
      testScope({ clientIp: uniqueClientIp() }),
    ];
    await roomInWindow(FAILURE_WINDOW, 15_000);
    for (let i = 0; i < NAMED_LIMITS.signInFailure.requests; i++) {
      await assertSignInAllowed(attacker, email);
      await recordFailedSignIn(attacker, email);
    }
    const refusal = await assertSignInAllowed(attacker, email).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).details).toMatchObject({
      retryAfterSeconds: expect.any(Number),
    });
    const { retryAfterSeconds } = (refusal as AppError).details as { retryAfterSeconds: number };
    const window = NAMED_LIMITS.signInFailure.windowSeconds;
    expect(retryAfterSeconds).toBeLessThanOrEqual(window);
    // Until the end of the fixed window, on every store (windows are aligned to the
    // epoch, so that end is anywhere in the next 15 minutes, and the same everywhere).
    const secondsLeft = Math.ceil((fixedWindow(window).resetAt - Date.now()) / 1000);
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(Math.max(1, secondsLeft));
    expect(retryAfterSeconds).toBeLessThanOrEqual(Math.max(1, secondsLeft + 1));
    expect(attacker.rateLimit).toMatchObject({ allowed: false });
    await expect(assertSignInAllowed(owner, email)).resolves.toBeUndefined();
    await expect(assertSignInAllowed(attacker, newTestEmail())).resolves.toBeUndefined();
  });

  it('failures from many addresses past the account’s ceiling: addresses that failed are refused, the owner from a clean one gets in', async () => {
    const { email, password } = await signedInUser(api, db());
    const guessers = Array.from({ length: NAMED_LIMITS.accountSignInFailure.requests }, () =>
      uniqueClientIp(),
    );
    await roomInWindow(FAILURE_WINDOW, 45_000);
    for (const guesser of guessers) {
      expect((await signIn(email, 'not the password', guesser)).status).toBe(401);
    }
    // Past the ceiling a fresh address is still heard once; a second try is refused.
    const fresh = uniqueClientIp();
    expect((await signIn(email, 'not the password', fresh)).status).toBe(401);
    expect((await signIn(email, 'not the password', fresh)).status).toBe(429);
    const again = await signIn(email, password, guessers[0]!);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await signIn(email, password, uniqueClientIp())).status).toBe(200);

    // A burst from one fresh address is still one guess, not as many as it sends.
    const burst = uniqueClientIp();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => signIn(email, 'not the password', burst)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([401, 429, 429, 429]);
  }, 120_000); // up to 45 s of waiting for room in the window, then the 50 sign-ins
});
