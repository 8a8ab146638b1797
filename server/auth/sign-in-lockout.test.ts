import { describe, expect, it } from 'vitest';

import { AppError } from '@/server/platform/errors';
import { NAMED_LIMITS } from '@/server/platform/rate-limit/config';
import {
  assertSignInAllowed,
  recordFailedSignIn,
} from '@/server/platform/rate-limit/sign-in-failures';
import { rateLimitStore } from '@/server/platform/rate-limit/store';
import { newTestEmail, signedInUser } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { testScope, uniqueClientIp } from '@/test/helpers/scope';

const { api, db } = testApi();

const from = (clientIp: string) => ({ 'x-test-client-ip': clientIp });
const signIn = (email: string, password: string, clientIp: string) =>
  api.postJson('/auth/sign-in', { email, password }, from(clientIp));

describe('failed sign-ins slow a guesser without locking the owner out', () => {
  it('five wrong passwords from one address: the owner signs in elsewhere at once', async () => {
    const { email, password } = await signedInUser(api, db());
    const [attacker, owner] = [uniqueClientIp(), uniqueClientIp()];
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
    // A fixed window here; Redis's sliding one names the end of its current slot.
    if (rateLimitStore().kind === 'memory') expect(retryAfterSeconds).toBeGreaterThan(window - 60);
    expect(attacker.rateLimit).toMatchObject({ allowed: false });
    await expect(assertSignInAllowed(owner, email)).resolves.toBeUndefined();
    await expect(assertSignInAllowed(attacker, newTestEmail())).resolves.toBeUndefined();
  });

  it('failures from many addresses past the account’s ceiling: addresses that failed are refused, the owner from a clean one gets in', async () => {
    const { email, password } = await signedInUser(api, db());
    const guessers = Array.from({ length: NAMED_LIMITS.accountSignInFailure.requests }, () =>
      uniqueClientIp(),
    );
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
  });
});
