// Type-aware lint for every workspace, plus the one-way dependency rule of docs/ARCHITECTURE.md:
// domain → contracts → server, and domain/contracts → web.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'net',
  'crypto',
  'os',
  'child_process',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      // Fastify plugins and handlers are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './packages/domain',
              from: ['./packages/contracts', './apps', './e2e', './bench'],
              message: 'The domain is pure: it depends on nothing of ours.',
            },
            {
              target: './packages/contracts',
              from: ['./apps', './e2e', './bench'],
              message: 'Contracts are shared by server and web; they import only the domain.',
            },
            {
              target: './apps/web',
              from: ['./apps/server'],
              message: 'The web client talks to the server over HTTP only.',
            },
            {
              target: './apps/server',
              from: ['./apps/web'],
              message: 'The server does not import the web client.',
            },
            {
              target: [
                './apps/server/src/core',
                './apps/server/src/commands',
                './apps/server/src/policies',
                './apps/server/src/db',
                './apps/server/src/jobs',
                './apps/server/src/auth',
                './apps/server/src/notifications',
                './apps/server/src/signaling',
              ],
              from: './apps/server/src/http',
              message:
                'Only the HTTP edge imports http/: commands, jobs and policies use core/ (errors, context).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The domain does no I/O.' },
            {
              group: ['pg', 'fastify', 'react', 'react-dom', 'nodemailer', 'ws', 'zod'],
              message: 'The domain does no I/O and has no framework.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Time is passed in: use Instant (epoch ms) and Temporal.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'process', message: 'The domain does no I/O.' },
      ],
    },
  },
  {
    // Tests read JSON bodies loosely; they are still type-checked.
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.spec.ts',
      'apps/server/test/**',
      'e2e/**',
      'bench/**',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
