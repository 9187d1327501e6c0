import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * The lint rule that keeps the layers apart (eslint.config.mjs) must refuse a forbidden import.
 * Each case is a small source text linted as if it were a file in that layer, with the project's
 * own ESLint configuration, so the test fails when the rule is switched off or an arrow widened.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');

interface LintCase {
  /** Where the text pretends to live; it is never written to disk. */
  filePath: string;
  code: string;
}

/** Rule ids ESLint reports per case. ESLint loads an ESM config, so it runs in its own Node process. */
function lintRuleIds(cases: readonly LintCase[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(REPO_ROOT)} });
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
        out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((err) => { console.error(err); process.exit(1); });
  `;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: REPO_ROOT,
    input: JSON.stringify(cases.map((c) => ({ ...c, filePath: path.join(REPO_ROOT, c.filePath) }))),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

/** A module that uses what it imports, so only the import itself can be wrong. */
function importing(specifier: string, name: string, typeOnly = false): string {
  return typeOnly
    ? `import type { ${name} } from '${specifier}';\nexport type Used = ${name};\n`
    : `import { ${name} } from '${specifier}';\nexport const used = ${name};\n`;
}

const forbidden: readonly [string, LintCase][] = [
  ['the domain imports a use case', { filePath: 'src/domain/fixture.ts', code: importing('../app/logger', 'consoleLogger') }],
  ['the domain imports the dialogue', { filePath: 'src/domain/fixture.ts', code: importing('../dialogue/intake', 'answer') }],
  ['the domain imports the Dutch copy', { filePath: 'src/domain/fixture.ts', code: importing('../copy/errors.copy', 'userMessageOf') }],
  ['the copy imports a use case', { filePath: 'src/copy/fixture.ts', code: importing('../app/logger', 'consoleLogger') }],
  ['storage imports the Dutch copy', { filePath: 'src/storage/fixture.ts', code: importing('../copy/errors.copy', 'userMessageOf') }],
  ['a use case imports the Teams adapter', { filePath: 'src/app/fixture.ts', code: importing('../teams/commands', 'PERSONAL_COMMANDS') }],
  ['the dialogue imports a use case', { filePath: 'src/dialogue/fixture.ts', code: importing('../app/logger', 'consoleLogger') }],
  ['a card imports the Graph adapter', { filePath: 'src/teams/case/fixture.ts', code: importing('../../graph/ics', 'toIcs') }],
  ['storage imports the Teams adapter', { filePath: 'src/storage/fixture.ts', code: importing('../teams/commands', 'PERSONAL_COMMANDS') }],
  ['the scheduler imports storage', { filePath: 'src/scheduler/fixture.ts', code: importing('../storage/errors', 'AlreadyExistsError') }],
  ['http imports storage', { filePath: 'src/http/fixture.ts', code: importing('../storage/errors', 'AlreadyExistsError') }],
  ['Graph reads the environment itself (a value import of config)', { filePath: 'src/graph/fixture.ts', code: importing('../config/env', 'loadConfig') }],
  ['config imports a use case', { filePath: 'src/config/fixture.ts', code: importing('../app/logger', 'consoleLogger') }],
  ['a layer imports the composition root', { filePath: 'src/app/fixture.ts', code: importing('../main', 'startBot') }],
  ['a re-export across a forbidden arrow', { filePath: 'src/storage/fixture.ts', code: "export { PERSONAL_COMMANDS } from '../teams/commands';\n" }],
];

const allowed: readonly [string, LintCase][] = [
  ['a use case imports the domain', { filePath: 'src/app/fixture.ts', code: importing('../domain/clock', 'Clock', true) }],
  ['storage implements a port', { filePath: 'src/storage/fixture.ts', code: importing('../app/ports', 'isConflict') }],
  ['a card imports the dialogue', { filePath: 'src/teams/intake/fixture.ts', code: importing('../../dialogue/intake', 'answer') }],
  ['a card imports the Dutch copy', { filePath: 'src/teams/case/fixture.ts', code: importing('../../copy/errors.copy', 'userMessageOf') }],
  ['the copy imports the domain', { filePath: 'src/copy/fixture.ts', code: importing('../domain/case-status', 'CASE_STATUSES') }],
  ['Graph takes the shape of its settings (type only)', { filePath: 'src/graph/fixture.ts', code: importing('../config/env', 'AppConfig', true) }],
  ['a tool imports the composition root', { filePath: 'src/tools/fixture.ts', code: importing('../main', 'startBot') }],
];

const sdk: readonly [string, LintCase, boolean][] = [
  ['a use case imports botbuilder', { filePath: 'src/app/fixture.ts', code: importing('botbuilder', 'CloudAdapter') }, false],
  ['the HTTP server imports Teams AI', { filePath: 'src/http/fixture.ts', code: importing('@microsoft/teams-ai', 'Application') }, false],
  ['the domain imports botbuilder', { filePath: 'src/domain/fixture.ts', code: importing('botbuilder', 'CloudAdapter') }, false],
  ['the domain reads a file', { filePath: 'src/domain/fixture.ts', code: importing('fs', 'readFileSync') }, false],
  ['the Teams adapter imports botbuilder', { filePath: 'src/teams/fixture.ts', code: importing('botbuilder', 'CloudAdapter') }, true],
];

describe('the arrows between layers (eslint.config.mjs)', () => {
  const cases = [...forbidden, ...allowed, ...sdk.map(([name, c]) => [name, c] as [string, LintCase])];
  let results: Map<string, string[]>;

  beforeAll(() => {
    const ids = lintRuleIds(cases.map(([, c]) => c));
    results = new Map(cases.map(([name], i) => [name, ids[i]]));
  }, 120_000);

  it.each(forbidden.map(([name]) => name))('refuses: %s', (name) => {
    expect(results.get(name)).toEqual(['boundaries/dependencies']);
  });

  it.each(allowed.map(([name]) => name))('allows: %s', (name) => {
    expect(results.get(name)).toEqual([]);
  });

  it.each(sdk.map(([name, , ok]) => [name, ok] as const))('SDK and I/O wall: %s (allowed: %s)', (name, ok) => {
    expect(results.get(name)).toEqual(ok ? [] : ['no-restricted-imports']);
  });
});
