import { decodeBase32IgnorePadding } from '@oslojs/encoding';

import { totpCodeAt } from '@/server/auth/two-factor/totp';

/** What a person's authenticator app computes from the key they typed in (tests only). */
export const authenticatorFor = (manualKey: string) => {
  const secret = decodeBase32IgnorePadding(manualKey.replace(/\s/g, ''));
  // `stepsAhead`: a code of a later step, as a phone whose clock runs ahead shows.
  return (stepsAhead = 0) => totpCodeAt(secret, Date.now() + stepsAhead * 30_000);
};

type Api = {
  postJson: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;
};

/** Turns two-factor on for a signed-in user; their authenticator and recovery codes. */
export async function enrolledUser(
  api: Api,
  user: { cookie: string },
  headers: Record<string, string>,
) {
  const enrol = await api.postJson('/me/two-factor/enrolment', undefined, {
    cookie: user.cookie,
    ...headers,
  });
  if (enrol.status !== 200) throw new Error(`enrolment answered ${enrol.status}`);
  const { manualKey, keyUri } = (await enrol.json()).data as { manualKey: string; keyUri: string };
  const codeAt = authenticatorFor(manualKey);
  const confirm = await api.postJson(
    '/me/two-factor/enrolment/confirm',
    { code: codeAt() },
    { cookie: user.cookie, ...headers },
  );
  if (confirm.status !== 200) throw new Error(`confirmation answered ${confirm.status}`);
  const { recoveryCodes } = (await confirm.json()).data as { recoveryCodes: string[] };
  return { manualKey, keyUri, codeAt, recoveryCodes };
}
