import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Workflow code must stay deterministic: no Node built-ins, no framework or ORM imports. */
const forbiddenInWorkflows = [
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
  '@nestjs/*',
  '@mikro-orm/*',
  '@temporalio/activity',
  '@temporalio/client',
  '@temporalio/worker',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/web/dist/**', '.hireflow/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', fetch: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextEncoder: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The web app runs in browsers: their globals, not Node's.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly', location: 'readonly',
        fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', atob: 'readonly', queueMicrotask: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        HTMLElement: 'readonly', HTMLDivElement: 'readonly', HTMLMediaElement: 'readonly', Response: 'readonly', console: 'readonly',
        process: 'off', Buffer: 'off',
      },
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInWorkflows.filter((p) => !p.includes('*')),
          patterns: [
            { group: ['@nestjs/*', '@mikro-orm/*'], message: 'Workflows must stay deterministic: no framework or ORM code.' },
            { group: ['../libs/*', '../apps/*'], message: 'Workflows import only @temporalio/workflow, @temporalio/common and their own files.' },
            { group: ['../activities/*'], allowTypeImports: true, message: 'Import activities with `import type` and call them through proxyActivities.' },
          ],
        },
      ],
    },
  },
);
