import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

// The entry that server.mjs and `npm run billing:sync` start (see bin.mjs).
const BIN = path.join(import.meta.dirname, 'bin.mjs');
const ROOT = path.resolve(import.meta.dirname, '..', '..');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(env: Record<string, string>, ipc = false): ChildProcess {
  const child = spawn(process.execPath, [BIN], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** The first stdout line, once it is complete. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const newline = output.indexOf('\n');
      if (newline !== -1) resolve(output.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
}

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('the CLI', () => {
  it('prints the listening line, serves the API and stops on SIGTERM', async () => {
    const child = start({ STRIPE_EMULATOR_PORT: '0', STRIPE_WEBHOOK_SECRET: 'whsec_cli' });
    const line = await firstLine(child);
    const match = /^stripe-emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    expect(match).not.toBeNull();

    const response = await fetch(`${match![1]}/v1/prices/price_pro_monthly`, {
      headers: { authorization: 'Bearer sk_test_cli' },
    });
    expect(response.status).toBe(200);

    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('announces itself over IPC when it has a channel', async () => {
    const child = start({ STRIPE_EMULATOR_PORT: '0', STRIPE_WEBHOOK_SECRET: 'whsec_cli' }, true);
    const message = await new Promise<unknown>((resolve) => child.once('message', resolve));
    expect(message).toEqual({
      type: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    const exited = exitCode(child);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses to start without STRIPE_WEBHOOK_SECRET', async () => {
    const child = start({ STRIPE_EMULATOR_PORT: '0', STRIPE_WEBHOOK_SECRET: '' });
    expect(await exitCode(child)).toBe(1);
  });
});
