// Lint, and the layer boundaries of STYLE.md: each folder may import only what its runtime allows.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'events',
];
const io = ['better-sqlite3', 'amqplib', 'ws', 'express', 'pino', 'csv-parse', 'csv-parse/*'];

/** A no-restricted-imports rule that forbids the given module names and relative paths. */
function forbid(names, paths = [], message = 'crosses a layer boundary (see STYLE.md)') {
  return [
    'error',
    {
      patterns: [
        ...names.map((name) => ({ group: [name], message: `${name} ${message}` })),
        ...paths.map((p) => ({ group: [p], message: `${p} ${message}` })),
      ],
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'e2e/artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom', ...nodeBuiltins, ...io],
        ['**/services/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/simulator/**'],
      ),
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom'],
        ['**/main/**', '**/preload/**', '**/renderer/**', '**/simulator/**'],
      ),
    },
  },
  {
    files: ['simulator/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom'],
        ['**/services/**', '**/main/**', '**/preload/**', '**/renderer/**'],
      ),
    },
  },
  {
    // Simulator tests may use the shared test support (broker helpers), never other services internals.
    files: ['simulator/**/*.test.ts', 'simulator/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom'], message: 'crosses a layer boundary (see STYLE.md)' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'crosses a layer boundary' },
            { regex: 'services/(?!testing/)', message: 'simulator tests may use src/services/testing only' },
          ],
        },
      ],
    },
  },
  {
    // The host layer composes services and the simulator for both the headless host and Electron's main.
    files: ['src/host/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom'],
        ['**/main/**', '**/preload/**', '**/renderer/**'],
      ),
    },
  },
  {
    files: ['src/headless/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom'],
        ['**/main/**', '**/preload/**', '**/renderer/**'],
      ),
    },
  },
  {
    files: ['src/main/**'],
    rules: { 'no-restricted-imports': forbid([], ['**/renderer/**']) },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, ...io],
        ['**/services/**', '**/renderer/**', '**/simulator/**', '**/main/**'],
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        ['electron', ...nodeBuiltins, ...io],
        ['**/services/**', '**/main/**', '**/preload/**', '**/simulator/**', '**/headless/**'],
      ),
    },
  },
);
