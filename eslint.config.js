// Lint enforces where code may run (ARCHITECTURE.md): the folder an import comes from must be
// allowed for the folder it goes to.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'util'];
// Tests run under Node beside the code they test, so they may read files whatever their folder.
const restrict = (files, groups, message) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test-support.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.logs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  restrict(['src/core/**'], [...nodeBuiltins, 'electron', 'react', 'react-dom', 'lowdb', 'pg', '**/store/**', '**/service/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'], 'core is pure TypeScript: it runs in every process.'),
  restrict(['src/store/**'], ['electron', 'react', '**/service/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'], 'store depends on core only.'),
  restrict(['src/service/**'], ['electron', 'react', '**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'], 'service depends on core and store only.'),
  restrict(['src/renderer/**'], [...nodeBuiltins, 'electron', 'lowdb', 'pg', '**/main/**', '**/store/**', '**/service/**', '**/server/**', '**/cli/**', '**/preload/index*'], 'the renderer is a browser page: it reaches the outside only through its api module.'),
  restrict(['src/preload/**'], [...nodeBuiltins, 'react', 'lowdb', 'pg', '**/store/**', '**/service/**', '**/main/**', '**/renderer/**', '**/server/**', '**/cli/**'], 'the preload imports only electron and types.'),
  restrict(['src/server/**', 'src/cli/**'], ['electron', 'react', '**/main/**', '**/preload/**', '**/renderer/**'], 'node hosts do not import Electron or the UI.'),
  restrict(['src/main/**'], ['react', '**/renderer/**', '**/server/**', '**/cli/**'], 'main is Electron glue over service.'),
);
