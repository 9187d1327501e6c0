// Lint: typescript-eslint's recommended rules, the arrows allowed between the layers of src/, and a
// wall around the domain core. README "Architecture" draws the same picture.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Which layer of src/ may import which. A layer always imports its own files; anything not listed
 * here is refused, so a new arrow is a deliberate change to this table (and to the README).
 */
export const LAYER_ARROWS = {
  /** Pure core: the rules. Only zod, luxon, date-holidays and stdlib's binomial test from outside (see forbiddenInDomain). */
  domain: [],
  /**
   * The Dutch a user reads, one module per subject: messages for the domain's codes, reminder texts,
   * dates and durations. The domain keeps codes, kinds and numbers; it may never import this.
   */
  copy: ['domain'],
  /** The conversations, without an SDK: questions, typed-answer parsing, form layouts (Dutch). */
  dialogue: ['copy', 'domain'],
  /** Use cases and ports; the outcomes they return carry Dutch messages (from copy) for the adapters to show. */
  app: ['copy', 'dialogue', 'domain'],
  /** Adapters: each depends on the use cases and the domain, never on another adapter. */
  teams: ['app', 'copy', 'dialogue', 'domain'],
  storage: ['app', 'domain'],
  graph: ['app', 'domain'],
  scheduler: ['app', 'domain'],
  http: ['app', 'domain'],
  /** File adapter: the figures chart (PNG), the registration CSV, the police form (PDF). */
  reports: ['app', 'copy', 'domain'],
  /** Reading the environment and the directory file into domain shapes. */
  config: ['domain'],
  /** Local mode (sample directory, Playground launcher): finds its files through config. */
  local: ['config', 'domain'],
  /** npm start, the bench, packaging: scripts around the whole bot, so they may import any layer. */
  tools: ['domain', 'copy', 'dialogue', 'app', 'teams', 'storage', 'graph', 'scheduler', 'http', 'reports', 'config', 'local'],
};

/**
 * Arrows allowed for `import type` only: an adapter is built from settings whose shape config
 * defines (AppConfig); the values are passed in by src/main.ts.
 */
export const TYPE_ONLY_ARROWS = { teams: ['config'], graph: ['config'] };

/** Only the composition root (src/main.ts) and the tools may import src/main.ts's wiring. */
const COMPOSITION_ROOT = 'src/main.ts';

/** The Bot Framework SDK and Teams AI v1: only src/teams (and the bench's bare floor bot) import them. */
const botSdk = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams-ai/*'];

/** Anything that does I/O or belongs to an SDK stays out of src/domain. */
const forbiddenInDomain = [
  'botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/*', '@azure/*', 'restify', 'azurite',
  'adaptivecards', 'adaptivecards-templating', 'nock', 'ws', 'playwright-core',
  'fs', 'fs/*', 'node:*', 'http', 'https', 'net', 'dns', 'child_process', 'os', 'path', 'process',
  'worker_threads', 'cluster', 'tls', 'dgram',
];

const layerPolicies = [
  ...Object.entries(LAYER_ARROWS).map(([layer, targets]) => ({
    from: { element: { type: layer } },
    allow: { to: { element: { types: { anyOf: targets } } } },
  })),
  ...Object.entries(TYPE_ONLY_ARROWS).map(([layer, targets]) => ({
    from: { element: { type: layer } },
    allow: { to: { element: { types: { anyOf: targets } } }, dependency: { kind: 'type' } },
  })),
  { from: { element: { type: 'tools' } }, allow: { to: { file: { categories: 'composition-root' } } } },
  { from: { file: { categories: 'composition-root' } }, allow: { to: { element: { type: '*' } } } },
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
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.d.ts', '.js', '.json'] } },
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'boundaries/files': [{ category: 'composition-root', pattern: COMPOSITION_ROOT }],
      'boundaries/elements': Object.keys(LAYER_ARROWS).map((layer) => ({ type: layer, pattern: `src/${layer}`, partialMatch: false })),
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        // An import of a src/ file outside every layer (e.g. src/main.ts) is refused unless allowed.
        checkUnknownLocals: true,
        message: 'This arrow between layers is not allowed (eslint.config.mjs LAYER_ARROWS; README "Architecture").',
        policies: layerPolicies,
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**', 'src/tools/bench/floor-bot.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: botSdk, message: 'Only src/teams imports the Bot Framework SDK or Teams AI: the move to the Teams SDK v2 replaces that folder alone.' }],
      }],
    },
  },
  {
    // After the block above: for the domain this list (a superset) replaces it.
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
