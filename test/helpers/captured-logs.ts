import pino from 'pino';

import type * as LoggerModule from '@/server/platform/observability/logger';

/**
 * The logger module for `vi.mock`, its logger writing every line at `level` or above
 * into `lines`, through the app's real options (redaction included).
 */
export function loggerInto(actual: typeof LoggerModule, lines: string[], level: pino.Level) {
  const write = (line: string) => void lines.push(line);
  return { ...actual, logger: pino({ ...actual.loggerOptions, level }, { write }) };
}
