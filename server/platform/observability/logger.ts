import pino from 'pino';

import { env } from '@/env';

/**
 * JSON logs to stdout. Redaction is the last line of defence: code should not log
 * secrets in the first place, but if a header or a password slips in, it is masked.
 */
// Drizzle's "Failed query" errors print the bound parameters (emails, password
// hashes) in their message and stack: keep the query, drop the parameters.
const withoutParams = (text: string | undefined) =>
  text?.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');

function serializeError(error: Error) {
  const serialized = pino.stdSerializers.err(error);
  serialized.message = withoutParams(serialized.message) ?? '';
  serialized.stack = withoutParams(serialized.stack) ?? '';
  return serialized;
}

export const loggerOptions: pino.LoggerOptions = {
  base: { service: 'lean-saas' },
  serializers: { err: serializeError },
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
