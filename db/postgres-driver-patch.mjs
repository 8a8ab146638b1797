// Run after every install (package.json "postinstall"). postgres.js 3.4.9 has two
// defects in its write scheduler that a database outage triggers; upstream issues
// porsager/postgres#1066, #1154, #1208 and PRs #1168, #1176 are not released yet:
// 1. a query issued on a connection whose socket just closed (a transaction's
//    ROLLBACK, typically) schedules a write that runs with the socket null and
//    throws from setImmediate: an uncaught exception that kills the process;
// 2. closing clears the pending write timer without forgetting it, so the next
//    socket of that connection never flushes its startup message: every use of it
//    hangs until connect_timeout (CONNECT_TIMEOUT) for as long as the process lives.
// Each edit is exact text; if the driver changes, this fails instead of guessing.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MARKER = '/* lean-saas: write scheduler patched */';
const EDITS = [
  [
    "    if (terminated)\n      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))",
    "    if (terminated)\n      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))\n\n    if (!socket)\n      return queryError(q, Errors.connection('CONNECTION_CLOSED', options))",
  ],
  [
    '  function nextWrite(fn) {\n',
    '  function nextWrite(fn) {\n    if (!socket)\n      return (chunk = nextWriteTimer = null, false)\n',
  ],
];
const CLEAR = '    clearImmediate(nextWriteTimer)\n';
const CLEAR_AND_FORGET = '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n';

// The CommonJS entry is <package>/cjs/src/index.js.
const root = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('postgres')),
  '../..',
);
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
  const target = path.join(root, file);
  let source = readFileSync(target, 'utf8');
  if (source.includes(MARKER)) continue;
  for (const [from, to] of EDITS) {
    if (source.split(from).length !== 2)
      throw new Error(`postgres patch: ${file} changed upstream`);
    source = source.replace(from, to);
  }
  if (source.split(CLEAR).length !== 3) throw new Error(`postgres patch: ${file} changed upstream`);
  source = source.replaceAll(CLEAR, CLEAR_AND_FORGET);
  writeFileSync(target, `${MARKER}\n${source}`);
}
