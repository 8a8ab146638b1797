// `npm run lint`'s layer check. dependency-cruiser applies the file-level rules in
// .dependency-cruiser.cjs (layers, cycles, test code, table ownership); on top, no
// two feature modules may import each other, even through different files (a
// module-level cycle, of any length, that a file-level check cannot see).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOTS = [
  'app',
  'server',
  'db',
  'env.ts',
  'proxy.ts',
  'instrumentation.ts',
  'server.mjs',
].filter((root) => existsSync(root));
const TEST_CODE = /\.(test|spec)\.[cm]?[jt]sx?$|^(test|e2e|packages|examples)\//;
// server/<module>/…, with the pipeline and platform layers as modules of their own.
const moduleOf = (file) => file.match(/^server\/([^/]+)\//)?.[1] ?? null;

const dir = mkdtempSync(path.join(tmpdir(), 'layers-'));
const report = path.join(dir, 'cruise.json');
try {
  execFileSync(
    'npx',
    [
      'depcruise',
      ...ROOTS,
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
      '--output-to',
      report,
    ],
    { stdio: 'inherit' },
  );
  const { modules, summary } = JSON.parse(readFileSync(report, 'utf8'));
  const problems = summary.violations.map((v) =>
    v.cycle
      ? `${v.rule.name}: ${[v.from, ...v.cycle.map((step) => step.name ?? step)].join(' → ')}`
      : `${v.rule.name}: ${v.from} → ${v.to}`,
  );

  // Module-level edges, with one file that makes each, for the message.
  const edges = new Map();
  for (const { source, dependencies } of modules) {
    const from = moduleOf(source);
    if (!from || TEST_CODE.test(source)) continue;
    for (const { resolved } of dependencies) {
      const to = moduleOf(resolved);
      if (!to || to === from || TEST_CODE.test(resolved)) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${source} → ${resolved}`);
    }
  }
  // Any cycle, of any length: a depth-first search that meets a module still on its
  // path has gone round one.
  const done = new Set();
  const onPath = [];
  const visit = (feature) => {
    if (done.has(feature)) return;
    onPath.push(feature);
    for (const [next] of edges.get(feature) ?? []) {
      const start = onPath.indexOf(next);
      if (start >= 0) {
        const cycle = [...onPath.slice(start), next];
        const steps = cycle.slice(1).map((to, i) => edges.get(cycle[i]).get(to));
        problems.push(
          `module cycle: ${cycle.map((m) => `server/${m}`).join(' → ')} (${steps.join('; ')})`,
        );
      } else visit(next);
    }
    onPath.pop();
    done.add(feature);
  };
  for (const feature of edges.keys()) visit(feature);
  if (problems.length > 0) {
    console.error(`Layer check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`Layer check: ${modules.length} files, no upward import, no cycle.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
