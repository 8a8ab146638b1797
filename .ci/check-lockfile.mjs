// Part of `npm run lint`: every package in package-lock.json comes from the npm
// registry (no git, file or plain-http source) and carries an integrity hash, so `npm ci` installs exactly
// what was reviewed. (The registry's audit endpoint is not reachable from every
// machine; GitHub's CI runs `npm audit` on top of this.)
import { readFileSync } from 'node:fs';

const REGISTRY = 'https://registry.npmjs.org/';
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const problems = [];
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  // The project itself, workspace links, and packages shipped inside another's tarball.
  if (path === '' || entry.link || entry.inBundle) continue;
  // A workspace's own folder (packages/…): its source is in this repository.
  if (!path.split('/').includes('node_modules')) continue;
  // npm here records no address for registry packages; any address it does record
  // (a git URL, a tarball on another host, plain http) must be the registry's.
  if (entry.resolved !== undefined && !entry.resolved.startsWith(REGISTRY)) {
    problems.push(`${path}: resolved from ${entry.resolved}`);
  } else if (!entry.integrity?.startsWith('sha512-')) {
    problems.push(`${path}: no sha512 integrity hash`);
  }
}
if (problems.length > 0) {
  console.error(
    `package-lock.json has packages from outside ${REGISTRY}:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
