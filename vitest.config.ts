import path from 'node:path';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['server/**/*.test.ts', 'db/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests choose the caller's address with this header (as a trusted proxy would).
    env: { LOG_LEVEL: 'silent', TRUSTED_IP_HEADER: 'x-test-client-ip' },
    // A fresh Redis key prefix per test file, so files and runs never share counters.
    setupFiles: ['./vitest.setup.ts'],
  },
});
