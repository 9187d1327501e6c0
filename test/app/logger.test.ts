import { spawnSync } from 'child_process';
import * as path from 'path';
import { createLogger, errorFields } from '../../src/app/logger';
import { REPO_ROOT } from '../../src/config/load-directory';
import { ensureBuilt } from '../support/bot-process';

function capture(format: 'text' | 'json') {
  const lines: { level: string; line: string }[] = [];
  const sink = {
    info: (line: string) => lines.push({ level: 'info', line }),
    warn: (line: string) => lines.push({ level: 'warn', line }),
    error: (line: string) => lines.push({ level: 'error', line }),
  };
  return { lines, logger: createLogger(format, sink, () => new Date('2026-11-30T09:15:02.000Z')) };
}

/** An error whose message quotes what a user typed, as runtime and SDK errors do. */
function errorQuotingUserInput(): Error {
  try {
    JSON.parse('{"text": "Hij dreigde mij thuis op te wachten"');
  } catch (error) {
    (error as Error).message += ' — input: Hij dreigde mij thuis op te wachten';
    return error as Error;
  }
  throw new Error('unreachable');
}

describe('log lines', () => {
  it('are one readable line for a person at a terminal', () => {
    const { lines, logger } = capture('text');
    logger.info('bot.listening', { port: 3978, detail: 'local mode on 127.0.0.1' });
    expect(lines).toEqual([{ level: 'info', line: '09:15:02 INFO  bot.listening port=3978 detail="local mode on 127.0.0.1"' }]);
  });

  it('are one JSON object per line for a log collector', () => {
    const { lines, logger } = capture('json');
    logger.warn('http.refused', { status: 413, code: 'too_large' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0].line)).toEqual({ time: '2026-11-30T09:15:02.000Z', level: 'warn', event: 'http.refused', status: 413, code: 'too_large' });
  });

  it('carry an error as its name, the correlation id and stack frames, never its message', () => {
    for (const format of ['text', 'json'] as const) {
      const { lines, logger } = capture(format);
      logger.error('turn.failed', { correlationId: '1700000000001', ...errorFields(errorQuotingUserInput()) });
      expect(lines).toHaveLength(1);
      expect(lines[0].line).not.toContain('\n');
      expect(lines[0].line).toContain('SyntaxError');
      expect(lines[0].line).toContain('1700000000001');
      expect(lines[0].line).toMatch(/at .*logger\.test\.ts:\d+/);
      expect(lines[0].line).not.toMatch(/dreigde|thuis|JSON at position|Expected/);
    }
  });
});

describe('a truly unexpected error in the running process', () => {
  beforeAll(() => ensureBuilt(), 120000);

  const run = (trigger: string) =>
    spawnSync(
      process.execPath,
      ['-e', `const { installProcessGuards } = require('./dist/src/app/process-guards'); const { createLogger } = require('./dist/src/app/logger');
installProcessGuards(createLogger('json')); ${trigger}; setTimeout(() => { console.info('still serving'); process.exit(0); }, 300);`],
      { cwd: path.resolve(REPO_ROOT), encoding: 'utf8', timeout: 10000 },
    );

  it('is logged once and the process keeps serving after a rejected promise nobody awaited', () => {
    const result = run(`Promise.reject(new TypeError('secret user text'))`);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('still serving');
    const line = JSON.parse(result.stderr.trim());
    expect(line).toMatchObject({ level: 'error', event: 'process.unhandled_rejection', code: 'TypeError' });
    expect(result.stderr).not.toContain('secret user text');
  });

  it('is logged once and the process exits with code 1 after an uncaught exception, for the supervisor to restart it', () => {
    const result = run(`setTimeout(() => { throw new RangeError('secret user text'); }, 10)`);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('still serving');
    const line = JSON.parse(result.stderr.trim());
    expect(line).toMatchObject({ level: 'error', event: 'process.uncaught_exception', code: 'RangeError' });
    expect(result.stderr).not.toContain('secret user text');
  });
});
