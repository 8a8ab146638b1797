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
