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

/** A transaction outran its deadline: the database (or the way to it) is not answering. */
export class DatabaseDeadlineError extends Error {
  readonly code = 'DATABASE_DEADLINE';
  constructor(ms: number) {
    super(`database did not answer within ${ms} ms`);
    this.name = 'DatabaseDeadlineError';
  }
}

// What an outage looks like from here: postgres.js's own connection codes, the
// socket's errno, and the SQLSTATEs a server sends while it cannot take work
// (class 08 connection exceptions, 53300 too many connections, 57P01–57P03
// shutdown/crash/starting up). A statement cancelled by statement_timeout (57014)
// is not among them: the database answered; the query was too slow, which is our
// bug to record, not a reason to invite the client to send it again.
const UNAVAILABLE_CODES = new Set([
  'DATABASE_DEADLINE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * True when a query failed because the database could not serve it (down, restarting,
 * unreachable, too slow), not because of the query: the request is worth retrying
 * and the answer is a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current && typeof current === 'object';) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
