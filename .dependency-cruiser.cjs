/**
 * The layers, enforced on `npm run lint`:
 *
 *   app, proxy.ts, instrumentation.ts  →  server/<feature modules>  →  server/platform  →  db  →  env
 *
 * plus: no cycles, product code never imports tests, test helpers or stand-ins.
 */
const TEST_FILE = '\\.(test|spec)\\.[cm]?[jt]sx?$';
const TEST_CODE = `(${TEST_FILE})|^test/|^e2e/|^packages/`;
const PRODUCT = '^(app|server|db|proxy\\.ts|instrumentation\\.ts|server\\.mjs)';
const FEATURE = '^server/(?!platform/|env\\.ts)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one; break it with a dependency passed in.',
      from: { path: PRODUCT },
      to: { circular: true, viaOnly: { pathNot: TEST_FILE } },
    },
    {
      name: 'product-imports-no-test-code',
      severity: 'error',
      comment: 'Tests, test helpers and stand-ins live outside the product and never ship with it.',
      from: { path: PRODUCT, pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'db-is-below-server',
      severity: 'error',
      from: { path: '^db/', pathNot: TEST_CODE },
      to: { path: '^(server|app)/', pathNot: '^server/env\\.ts$' },
    },
    {
      name: 'platform-is-below-features',
      severity: 'error',
      comment: 'server/platform is infrastructure; features depend on it, never the other way.',
      from: { path: '^server/platform/', pathNot: TEST_CODE },
      to: { path: `${FEATURE}|^app/` },
    },
    {
      name: 'server-is-below-app',
      severity: 'error',
      from: { path: '^(server|db)/', pathNot: TEST_CODE },
      to: { path: '^app/' },
    },
    {
      name: 'tables-owned-by-module',
      severity: 'error',
      comment:
        "A module's tables are read and written only by that module: server/<module>/ imports " +
        'its own db/schema/<module>.ts (auth also email-tokens.ts), others call its functions. ' +
        'The barrel db/schema/index.ts is for db/ itself (the client, migrations) and tests.',
      // $1 is "auth" inside server/auth/ and empty elsewhere; $2 is the rest of the
      // module name (the whole name outside auth). For app/ or a top-level file, $2 is
      // "app" or the file name, which own no tables.
      from: {
        path: '^(?:server/)?((?:auth)?)([^/]*)',
        pathNot: `${TEST_CODE}|^db/|^drizzle\\.config\\.ts$|^server/testing/`,
      },
      // Allowed: db/schema/<module>.ts, and email-tokens.ts when $1 is "auth" (the
      // lookahead `(?!)` that an empty $1 leaves never matches).
      to: { path: '^db/schema/', pathNot: '^db/schema/(?:$1$2|email-tokens(?!$1))\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.data|drizzle)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.mts'],
    },
  },
};
