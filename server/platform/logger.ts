import pino from 'pino';

import { env } from './env';

/**
 * JSON logs to stdout. Redaction is the last line of defence: code should not log
 * secrets in the first place, but if a header or a password slips in, it is masked.
 */
export const loggerOptions: pino.LoggerOptions = {
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
      // Failed queries carry their bound parameters, which may be user data.
      'err.params',
      'err.cause.params',
      // ioredis errors carry the command's arguments: keys, and values we stored.
      'err.command.args',
      'err.cause.command.args',
    ],
    censor: '[redacted]',
  },
};

export const logger = pino({ ...loggerOptions, level: env.LOG_LEVEL });

export type Logger = pino.Logger;
