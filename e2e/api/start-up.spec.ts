import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { exitCode, spawnServer } from '../support/spawn-server';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;

test('an invalid variable stops `npm start` at once, naming it, instead of serving 500s', async () => {
  const server = spawnServer({
    PORT: String(PORT),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'leansaas-bad-env-')),
    // No emulator of its own: this test is about the app's start, not the emulator's port.
    STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    // At least 16 characters are required.
    METRICS_TOKEN: 'too-short',
  });
  try {
    expect(await exitCode(server, 20)).toBe(1);
    expect(server.output()).toContain('METRICS_TOKEN');
    expect(server.output()).toContain('Cannot start: Invalid environment variables');
  } finally {
    server.stop();
  }
});
