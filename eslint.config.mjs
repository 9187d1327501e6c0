// Lint: typescript-eslint's recommended rules, plus a wall around the domain core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Anything that does I/O or belongs to an SDK stays out of src/domain. */
const forbiddenInDomain = [
  'botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/*', '@azure/*', 'restify', 'azurite',
  'adaptivecards', 'adaptivecards-templating', 'nock', 'ws', 'playwright-core',
  'fs', 'fs/*', 'node:*', 'http', 'https', 'net', 'dns', 'child_process', 'os', 'path', 'process',
  'worker_threads', 'cluster', 'tls', 'dgram',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'devTools/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: forbiddenInDomain, message: 'src/domain is pure: no SDK, no I/O. Put this in an adapter and pass it in through a port.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'No I/O in the domain.' },
        { name: 'process', message: 'No environment in the domain: pass configuration in.' },
        { name: 'setTimeout', message: 'No timers in the domain: inject a clock.' },
        { name: 'setInterval', message: 'No timers in the domain: inject a clock.' },
      ],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'No hidden clock in the domain: take `now` from the injected Clock.',
      }, {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: 'No hidden clock in the domain: take `now` from the injected Clock.',
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'src/tools/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
