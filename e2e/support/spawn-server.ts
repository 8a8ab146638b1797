import { spawn, type ChildProcess } from 'node:child_process';

/** Output a spawned `npm start` printed, for assertions on its start-up lines. */
export type SpawnedServer = { process: ChildProcess; output: () => string; stop: () => void };

/** Starts `node server.mjs` (what `npm start` runs) with the given environment. */
export function spawnServer(env: Record<string, string | undefined>): SpawnedServer {
  const child = spawn('node', ['server.mjs'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { process: child, output: () => output, stop: () => child.kill() };
}

/** Resolves once `url` answers, or throws after `seconds`. */
export async function waitUntilUp(url: string, server: SpawnedServer, seconds = 60) {
  for (let attempt = 0; attempt < seconds * 4; attempt++) {
    if (server.process.exitCode !== null) {
      throw new Error(`the server exited (${server.process.exitCode}):\n${server.output()}`);
    }
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer at ${url}:\n${server.output()}`);
}

/** The exit code once the process ends, or null when it is still running after `seconds`. */
export function exitCode(server: SpawnedServer, seconds: number): Promise<number | null> {
  if (server.process.exitCode !== null) return Promise.resolve(server.process.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), seconds * 1000);
    server.process.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
