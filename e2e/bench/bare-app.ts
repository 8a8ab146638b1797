import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The baseline: a separate, bare Next.js app (this project's Next version) with one
 * route handler returning JSON, built here and run with `next start`. It sits under
 * `.bench/` in the project so that it resolves `next` from our node_modules.
 */
const APP_DIR = path.resolve('.bench/bare-next-app');
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bare-next-app', private: true, type: 'module' }),
  'next.config.mjs': 'export default {};\n',
  // Its own, empty: without one, Next (its workspace root being this project) builds
  // in this project's instrumentation.ts, which starts our whole server.
  'instrumentation.js': 'export function register() {}\n',
  'app/api/bare/route.js': [
    "export const dynamic = 'force-dynamic';",
    'export function GET() {',
    '  return Response.json({ ok: true });',
    '}',
    '',
  ].join('\n'),
};

/** Writes and builds the bare app (about 20 s); throws with Next's output on failure. */
export function buildBareApp() {
  rmSync(APP_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(APP_DIR, file)), { recursive: true });
    writeFileSync(path.join(APP_DIR, file), text);
  }
  const built = spawnSync('node', [NEXT_BIN, 'build', APP_DIR], {
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0)
    throw new Error(`the bare app did not build:\n${built.stdout}${built.stderr}`);
}

export function startBareApp(port: number): ChildProcess {
  return spawn('node', [NEXT_BIN, 'start', APP_DIR, '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}
