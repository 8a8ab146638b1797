import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { asNewCaller, newTestEmail, TEST_PASSWORD } from '@/test/helpers/accounts';
import { testApi } from '@/test/helpers/api-client';
import { cookieHeaderFrom } from '@/test/helpers/cookie-jar';
import {
  startSupabaseAuthStandIn,
  type SupabaseAuthStandIn,
} from '@/test/fakes/supabase-auth-stand-in';
import { dashboardCall } from '@/test/helpers/two-factor';

import type { AuthProvider } from '../provider';

import { supabaseAuthProvider } from './provider';

// Two-factor is the built-in provider's: with Supabase Auth the app says so plainly
// (README, "Two-factor authentication") instead of half-enrolling anyone.
let standIn: SupabaseAuthStandIn;
let provider: AuthProvider;
const { api, db } = testApi({ auth: () => provider });

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({ db: db() });
  provider = supabaseAuthProvider({ url: standIn.url, publishableKey: standIn.publishableKey });
});
afterAll(() => standIn.close());

describe('two-factor with Supabase Auth', () => {
  it('reports it unavailable and refuses enrolment and codes with 501', async () => {
    const email = newTestEmail();
    await api.postJson('/auth/sign-up', { email, password: TEST_PASSWORD }, asNewCaller());
    const mail = standIn.emails.findLast((sent) => sent.to === email)!;
    await api.postJson(
      '/auth/verify-email',
      { token: mail.tokenHash, type: 'email' },
      asNewCaller(),
    );
    const signIn = await api.postJson(
      '/auth/sign-in',
      { email, password: TEST_PASSWORD },
      asNewCaller(),
    );
    expect(signIn.status).toBe(200);
    const cookie = cookieHeaderFrom(signIn);

    const status = await api.rest('/me/two-factor', { headers: { cookie, ...asNewCaller() } });
    expect((await status.json()).data).toEqual({
      available: false,
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    const enrol = await dashboardCall(api, 'auth.twoFactor.enrol', undefined, {
      cookie,
      ...asNewCaller(),
    });
    expect(enrol.status).toBe(501);
    const verify = await api.postJson(
      '/auth/two-factor/verify',
      { code: '123456' },
      { cookie, ...asNewCaller() },
    );
    expect(verify.status).toBe(501);
  });
});
