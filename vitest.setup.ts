import { randomUUID } from 'node:crypto';

process.env.REDIS_KEY_PREFIX = `test-${randomUUID()}`;
