// Starts a local stand-in (a workspace package under packages/) as a child process.
// Stand-ins are not product code: each is found through its package and run by path,
// never imported, so no bundle and no deployment ever holds one. Plain JavaScript
// because server.mjs needs it before any TypeScript loads.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Spawns `<pkg>/bin` with exactly `variables` (plus the operating system's PATH,
 * HOME, TMPDIR: never the app's database or API secrets); `listening` resolves with
 * its URL once it says so over IPC, and rejects when it cannot start. A missing
 * package (no `npm ci`) throws here.
 *
 * @param {import('./stand-in-process.d.mts').StandInOptions} options
 * @returns {import('./stand-in-process.d.mts').StandInProcess}
 */
export function spawnStandIn(options) {
  const entry = createRequire(path.join(options.root, 'package.json')).resolve(
    `${options.pkg}/bin`,
  );
  // The operating system's own variables, read here and not through env.ts: this plain
  // JavaScript runs in server.mjs before any TypeScript (env.ts included) can load.
  /** @type {Record<string, string | undefined>} */
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    ...options.variables,
  };
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  const child = spawn(process.execPath, [entry], {
    env,
    // Its stdout carries only the "listening" line, which a CLI's output does not want.
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  // For the child's whole life: an 'error' with no listener (a kill that fails, say)
  // would crash the app that started it.
  child.on('error', (error) => console.error(`${options.name}: ${error.message}`));
  const listening = new Promise((resolve, reject) => {
    const onExit = (/** @type {number | null} */ code) =>
      reject(new Error(`the ${options.name} exited (${code})`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.on('message', (/** @type {{ type?: string; url?: string } | undefined} */ message) => {
      if (message?.type !== 'listening' || !message.url) return;
      child.off('exit', onExit);
      child.off('error', reject);
      resolve(message.url);
    });
  });
  return {
    child,
    listening,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
