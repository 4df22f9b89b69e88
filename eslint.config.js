// `npm run lint`: typescript-eslint's recommended rules (no type information, so it stays fast),
// React's hook rules for the web app, and a few that catch real mistakes here. Type errors are
// tsc's job (`npm run typecheck`, which lint also runs).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Test-only code: *.test.ts, testing.ts / *.testing.ts and testing/ folders (factories, fixtures,
 * harnesses), and the API fuzzer. Production code may not import it, nor the test libraries.
 */
const TEST_ONLY = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/testing.ts',
  '**/*.testing.ts',
  '**/testing/**',
  'packages/server/src/fuzz/**',
  'packages/server/src/integration/**',
];
const TEST_IMPORTS = {
  group: [
    'vitest',
    'fast-check',
    '**/testing',
    '**/testing.js',
    '**/*.testing.js',
    '**/testing/*',
    '@scenebridge/*/testing',
    '@scenebridge/server/import/testing',
  ],
  message: 'production code does not use test helpers or test libraries (test-only files: *.test.ts, testing.ts, *.testing.ts, testing/)',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const SEARCH_FORBIDDEN = [
  '@scenebridge/db',
  '@scenebridge/db/*',
  '@scenebridge/app',
  '@scenebridge/app/*',
  '@scenebridge/server',
  '@scenebridge/server/*',
  'drizzle-orm',
  'fastify',
  'pg',
  '@electric-sql/*',
];

/**
 * One layer's forbidden imports. ESLint keeps only the last setting of a rule for a file, so the
 * layer's production files get the layer's patterns and the test-only ones together.
 * `productionOnly` ({ group, message }) is what the layer's tests may use but its production code may not.
 */
function layer(files, why, forbidden, productionOnly) {
  const globs = [`${files}/*.{ts,tsx}`, `${files.replace(/\/\*\*$/, '')}/*.{ts,tsx}`];
  const own = { group: forbidden, message: why };
  const prod = productionOnly ? [productionOnly] : [];
  return [
    { files: globs, rules: restrict(own) },
    { files: globs, ignores: TEST_ONLY, rules: restrict(own, ...prod, TEST_IMPORTS) },
  ];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.ci-results/**', 'e2e/screenshots/**', 'packages/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Control characters in patterns are deliberate here: input guards and XML cleaning.
      'no-control-regex': 'off',
      // Full-width spaces (U+3000) are part of Chinese layout in the documents we write.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Rules that need types: a promise nobody awaits loses its error (and, in a use case, its
    // transaction); a switch over a union must name every member.
    files: ['packages/*/src/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['packages/*/src/**/*.{ts,tsx}'], ignores: TEST_ONLY, rules: restrict(TEST_IMPORTS) },
  // The layers (docs/ARCHITECTURE.md): domain ← db ← use cases ← HTTP; search is pure; the web
  // talks to the server only over HTTP. A wrong-way import is a lint error, not a review comment.
  ...layer('packages/domain/src/**', 'domain is pure: no database, search, server or I/O', [
    '@scenebridge/db',
    '@scenebridge/db/*',
    '@scenebridge/demo',
    '@scenebridge/search',
    '@scenebridge/app',
    '@scenebridge/app/*',
    '@scenebridge/server',
    '@scenebridge/server/*',
    'drizzle-orm',
    'drizzle-orm/*',
    'fastify',
    'pg',
    '@electric-sql/*',
    'node:fs',
    'node:net',
    'node:http',
    'node:child_process',
  ]),
  ...layer('packages/demo/src/**', 'demo data is built on the domain alone: no database, search, app or server', [
    '@scenebridge/*',
    '!@scenebridge/domain',
    'drizzle-orm',
    'drizzle-orm/*',
    'fastify',
    '@fastify/*',
    'pg',
    '@electric-sql/*',
  ]),
  ...layer('packages/search/src/**', 'search is pure: no database or server', SEARCH_FORBIDDEN, {
    group: ['@scenebridge/demo'],
    message: 'the classifier learns from its own corpus: demo data is test data in search',
  }),
  // The evaluation measures search on the demo listings (colloquial queries) through this one file; nothing is built from them.
  {
    files: ['packages/search/src/eval/demo-corpus.ts'],
    rules: restrict({ group: SEARCH_FORBIDDEN, message: 'search is pure: no database or server' }, TEST_IMPORTS),
  },
  ...layer('packages/contract/src/**', 'the contract is browser-safe: zod and the pure domain only', [
    '@scenebridge/db',
    '@scenebridge/db/*',
    '@scenebridge/search',
    '@scenebridge/app',
    '@scenebridge/app/*',
    '@scenebridge/server',
    '@scenebridge/server/*',
    'drizzle-orm',
    'fastify',
    '@fastify/*',
    'pg',
    '@electric-sql/*',
    'node:*',
  ]),
  ...layer('packages/db/src/**', 'db holds the SQL only: it knows no search, app, server or HTTP', [
    '@scenebridge/search',
    '@scenebridge/app',
    '@scenebridge/app/*',
    '@scenebridge/server',
    '@scenebridge/server/*',
    'fastify',
    '@fastify/*',
  ]),
  ...layer('packages/app/src/**', 'the app (use cases and what they run on) knows no HTTP: no Fastify, no server package', [
    'fastify',
    '@fastify/*',
    '@scenebridge/server',
    '@scenebridge/server/*',
  ]),
  {
    // A feature is reached through its index.ts (its public face); what else is in its folder may change.
    files: ['packages/app/src/*/**/*.ts'],
    ignores: TEST_ONLY,
    rules: restrict(
      { regex: '^(\\.\\./)+[^./][^/]*/(?!index\\.js$).+', message: 'another feature of the app is imported through its index.ts' },
      {
        group: ['fastify', '@fastify/*', '@scenebridge/server', '@scenebridge/server/*'],
        message: 'the app (use cases and what they run on) knows no HTTP: no Fastify, no server package',
      },
      TEST_IMPORTS,
    ),
  },
  ...layer('packages/web/src/**', 'the web app reaches the server only over HTTP', [
    '@scenebridge/db',
    '@scenebridge/db/*',
    '@scenebridge/app',
    '@scenebridge/app/*',
    '@scenebridge/server',
    '@scenebridge/server/*',
    '@scenebridge/search',
    'node:*',
    '../../server/*',
    '../../../server/*',
    '../../db/*',
    '../../../db/*',
  ]),
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
