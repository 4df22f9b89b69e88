// `npm run lint`: typescript-eslint's recommended rules (no type information, so it stays fast),
// React's hook rules for the web app, and a few that catch real mistakes here. Type errors are
// tsc's job (`npm run typecheck`, which lint also runs).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One layer's forbidden imports; tests of the layer are held to the same rule. */
function layer(files, why, forbidden) {
  return [{
    files: [`${files}/*.{ts,tsx}`, `${files.replace(/\/\*\*$/, '')}/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: why }] }] },
  }];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.ci-results/**', 'e2e/screenshots/**', 'packages/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
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
  // The layers (docs/ARCHITECTURE.md): domain ← db ← use cases ← HTTP; search is pure; the web
  // talks to the server only over HTTP. A wrong-way import is a lint error, not a review comment.
  ...layer('packages/domain/src/**', 'domain is pure: no database, search, server or I/O', [
    '@scenebridge/db', '@scenebridge/db/*', '@scenebridge/search', '@scenebridge/server', '@scenebridge/server/*',
    'drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg', '@electric-sql/*', 'node:fs', 'node:net', 'node:http', 'node:child_process',
  ]),
  ...layer('packages/search/src/**', 'search is pure: no database or server', [
    '@scenebridge/db', '@scenebridge/db/*', '@scenebridge/server', '@scenebridge/server/*', 'drizzle-orm', 'fastify', 'pg', '@electric-sql/*',
  ]),
  ...layer('packages/contract/src/**', 'the contract is browser-safe: zod and the pure domain only', [
    '@scenebridge/db', '@scenebridge/db/*', '@scenebridge/search', '@scenebridge/server', '@scenebridge/server/*',
    'drizzle-orm', 'fastify', '@fastify/*', 'pg', '@electric-sql/*', 'node:*',
  ]),
  ...layer('packages/db/src/**', 'db holds the SQL only: it knows no search, server or HTTP', [
    '@scenebridge/search', '@scenebridge/server', '@scenebridge/server/*', 'fastify', '@fastify/*',
  ]),
  ...layer('packages/server/src/use-cases/**', 'use cases know no HTTP: no Fastify, routes or portal pages', [
    'fastify', '@fastify/*', '../routes/*', '../portal/*', '../app.js',
  ]),
  ...layer('packages/web/src/**', 'the web app reaches the server only over HTTP', [
    '@scenebridge/db', '@scenebridge/db/*', '@scenebridge/server', '@scenebridge/server/*', '@scenebridge/search', 'node:*',
    '../../server/*', '../../../server/*', '../../db/*', '../../../db/*',
  ]),
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
