/**
 * The layers, enforced on `npm run lint` (README: Architecture):
 *
 *   app/, proxy.ts, instrumentation.ts                      pages and route files
 *   server/root.ts, pipeline-deps.ts, adapters/, …          composition: wires features into the pipeline
 *   server/<feature>/ (auth, api-keys, billing, …)          feature modules
 *   server/trpc.ts, server/identity/                        the request pipeline and who calls
 *   server/platform/                                        infrastructure: http, cache, limits, logs
 *   db/                                                     schema, clients, RLS
 *   env.ts                                                  the validated environment
 *
 * Arrows point down only; no cycles; product code never imports tests, test
 * helpers (test/) or stand-ins (packages/).
 */
const TEST_FILE = '\\.(test|spec)\\.[cm]?[jt]sx?$';
const TEST_CODE = `${TEST_FILE}|^test/|^e2e/|^packages/|^examples/`;
const PRODUCT = '^(app/|server/|db/|env\\.ts$|proxy\\.ts$|instrumentation\\.ts$|server\\.mjs$)';
const COMPOSITION = '^(server/(root|pipeline-deps|page-session|jobs)\\.ts$|server/adapters/)';
const PIPELINE = '^server/(trpc\\.ts$|identity/)';
const FEATURE = '^server/(?!platform/|identity/|adapters/)[^/]+/';

const below = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from, pathNot: TEST_CODE },
  to: { path: to },
});

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
    below('server-is-below-app', '^(server|db)/|^env\\.ts$', '^app/'),
    below(
      'features-are-below-composition',
      `${FEATURE}|${PIPELINE}|^server/platform/|^db/`,
      COMPOSITION,
      'Feature modules do not know the router or the adapters that serve them.',
    ),
    {
      ...below(
        'pipeline-knows-no-feature',
        PIPELINE,
        FEATURE,
        'Features reach the pipeline as dependencies (server/pipeline-deps.ts); it may name their types only.',
      ),
      to: { path: FEATURE, dependencyTypesNot: ['type-only'] },
    },
    below(
      'platform-is-below-features',
      '^server/platform/',
      `${FEATURE}|${PIPELINE}`,
      'server/platform is infrastructure; features depend on it, never the other way.',
    ),
    below(
      'auth-providers-are-deletable',
      // proxy.ts refreshes Supabase's session cookies before pages render.
      '^(server/(?!auth/(built-in|supabase)/|auth/default-provider\\.ts$)|app/|instrumentation\\.ts$)',
      '^server/auth/(built-in|supabase)/',
      'A team deletes a provider folder (auth/built-in/, auth/supabase/) and edits only auth/default-provider.ts.',
    ),
    below(
      'auth-providers-do-not-know-each-other',
      '^server/auth/built-in/',
      '^server/auth/supabase/',
    ),
    below(
      'auth-providers-do-not-know-each-other-too',
      '^server/auth/supabase/',
      '^server/auth/built-in/',
    ),
    below('db-is-below-server', '^db/', '^server/'),
    below('env-is-below-everything', '^env\\.ts$', '^(server|db|app)/'),
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
        pathNot: `${TEST_CODE}|^db/|^drizzle\\.config\\.ts$`,
      },
      // Allowed: db/schema/<module>.ts, and email-tokens.ts when $1 is "auth" (the
      // lookahead `(?!)` that an empty $1 leaves never matches).
      to: { path: '^db/schema/', pathNot: '^db/schema/(?:$1$2|email-tokens(?!$1))\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.data|\\.bench|drizzle)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.mts'],
    },
  },
};
