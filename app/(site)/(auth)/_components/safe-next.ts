/**
 * Where to go after sign-in: only a path on this origin is followed. Resolving it as
 * the browser would catches tricks like `/\\evil.example` or `/%09/evil.example`.
 */
export function safeNext(next: string | undefined) {
  if (!next) return '/dashboard';
  const target = new URL(next, window.location.origin);
  return target.origin === window.location.origin
    ? `${target.pathname}${target.search}${target.hash}`
    : '/dashboard';
}

/** After a sign-in: the code step when the account has two-factor on, else where it was headed. */
export function afterSignIn(result: { secondFactorRequired?: boolean }, next: string | undefined) {
  if (!result.secondFactorRequired) return safeNext(next);
  return next ? `/sign-in/two-factor?next=${encodeURIComponent(next)}` : '/sign-in/two-factor';
}
