/**
 * The SQLSTATE of a failed query, whichever driver raised it (drizzle wraps the
 * driver's error in `cause`). E.g. 42501 = RLS/privilege refusal, 23505 = unique.
 */
export function pgErrorCode(error: unknown): string | undefined {
  for (let current = error; current && typeof current === 'object';) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
