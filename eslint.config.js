// Lint: type-aware promise rules, type-only imports, and the architecture's boundaries.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Browser globals the domain must not use (src/core runs in Node, workers and tests too). */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'history',
  'alert',
];

/** Modules that reach the database: only services (and the db layer itself) may use them. */
const STORAGE_MODULES = [
  '**/core/db/database.ts',
  '**/core/db/progressStore.ts',
  '**/core/db/drillItems.ts',
  '**/core/db/dashboard.ts',
  '**/core/db/importedDecks.ts',
  '**/core/db/drafts.ts',
  '**/core/db/studioDrafts.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Maps and Sets built inside a derived computation or a function are values, not state: state
      // is reassigned as a whole (Svelte 5 $state), which is what makes it reactive here.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, svelteConfig } },
  },
  {
    // Plain JS config files, and the bench's floor app (built on its own), are not in a TypeScript project.
    files: ['**/*.js', '**/*.mjs', 'scripts/**/*.svelte'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui/**', '**/build/**', '**/cli/**'], message: 'src/core never imports the UI, the build or the CLI.' },
            { group: ['svelte', 'svelte/*'], message: 'src/core is plain TypeScript, no Svelte.' },
          ],
        },
      ],
    },
  },
  {
    // Outside the db layer and the services, nothing in the core touches storage.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/db/**', 'src/core/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/core/db and src/core/services touch the database.' }],
          patterns: [
            { group: ['**/ui/**', '**/build/**', '**/cli/**'], message: 'src/core never imports the UI, the build or the CLI.' },
            { group: ['svelte', 'svelte/*'], message: 'src/core is plain TypeScript, no Svelte.' },
            { group: STORAGE_MODULES, allowTypeImports: true, message: 'Only services (src/core/services) read and write the database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Content parsing never touches the database.' }],
          patterns: [
            { group: ['**/ui/**', '**/build/**', '**/cli/**'], message: 'src/core never imports the UI, the build or the CLI.' },
            {
              group: ['**/drills/**', '**/db/**', '**/services/**'],
              message: 'core/content is the bottom layer: it never imports drills, db or services.',
            },
          ],
        },
      ],
    },
  },
  {
    // Screens and components reach the domain through controllers and services, never storage.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
    ignores: ['src/ui/services.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'The UI never touches the database; use a service through a controller.' }],
          patterns: [
            {
              group: STORAGE_MODULES,
              allowTypeImports: true,
              message: 'The UI reaches storage only through src/core/services (wired in src/ui/services.ts).',
            },
            { group: ['**/core/db/backup.ts'], importNames: ['applyBackup', 'exportBackup'], message: 'Use the backup service.' },
          ],
        },
      ],
    },
  },
  {
    // Markup files hold markup and bindings: the services are for controllers.
    files: ['src/ui/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'The UI never touches the database.' }],
          patterns: [
            { group: STORAGE_MODULES, allowTypeImports: true, message: 'The UI reaches storage only through services.' },
            {
              group: ['**/services.ts', '**/core/services/**'],
              allowTypeImports: true,
              message: 'A screen calls its controller (*.svelte.ts); the controller calls the services.',
            },
          ],
        },
      ],
    },
  },
);
