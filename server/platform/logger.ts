import pino from 'pino';

import { env } from './env';

/**
 * JSON logs to stdout. Redaction is the last line of defence: code should not log
 * secrets in the first place, but if a header or a password slips in, it is masked.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: 'lean-saas' },
  redact: {
    paths: [
      'authorization',
      'cookie',
      'password',
      'token',
      'apiKey',
      '*.authorization',
      '*.cookie',
      '*.password',
      '*.token',
      '*.apiKey',
      'headers.authorization',
      'headers.cookie',
      'headers["x-api-key"]',
    ],
    censor: '[redacted]',
  },
});

export type Logger = pino.Logger;
