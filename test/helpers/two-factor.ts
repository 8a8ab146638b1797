import { decodeBase32IgnorePadding } from '@oslojs/encoding';

import { totpCodeAt } from '@/server/auth/two-factor/totp';

import { trpcBody, type apiClient } from './api-client';

type Api = ReturnType<typeof apiClient>;

/** What a person's authenticator app computes from the key they typed in. */
export const authenticatorFor = (manualKey: string) => {
  const secret = decodeBase32IgnorePadding(manualKey.replace(/\s/g, ''));
  // `stepsAhead`: a code of a later step, as a phone whose clock runs ahead shows.
  return (stepsAhead = 0) => totpCodeAt(secret, Date.now() + stepsAhead * 30_000);
};

/**
 * A tRPC mutation of the dashboard's (enrolment and its changes are not in the REST
 * API): its status, result and error code.
 */
export async function dashboardCall(
  api: Api,
  path: string,
  input: unknown,
  headers: Record<string, string>,
) {
  const response = await api.postTrpc(path, input, headers);
  const body = await trpcBody(response);
  return {
    status: response.status,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk untyped bodies
    data: body.result?.data as any,
    code: (body.error?.data?.code ?? null) as string | null,
  };
}

/** Turns two-factor on for a signed-in user; their authenticator and recovery codes. */
export async function enrolledUser(
  api: Api,
  user: { cookie: string },
  headers: Record<string, string>,
) {
  const as = { cookie: user.cookie, ...headers };
  const enrol = await dashboardCall(api, 'auth.twoFactor.enrol', undefined, as);
  if (enrol.status !== 200) throw new Error(`enrolment answered ${enrol.status}`);
  const { manualKey, keyUri } = enrol.data as { manualKey: string; keyUri: string };
  const codeAt = authenticatorFor(manualKey);
  const confirm = await dashboardCall(api, 'auth.twoFactor.confirm', { code: codeAt() }, as);
  if (confirm.status !== 200) throw new Error(`confirmation answered ${confirm.status}`);
  return { manualKey, keyUri, codeAt, recoveryCodes: confirm.data.recoveryCodes as string[] };
}
