import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadDecreeDays, SHIPPED_DECREE_DAYS, workingDayCalendar } from '../../src/config/decree-days';
import { ConfigError, loadConfig } from '../../src/config/env';
import { parseDecreeDays } from '../../src/domain/decree-days';

const dir = mkdtempSync(path.join(tmpdir(), 'decree-days-'));
function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return target;
}

describe('the shipped decree days (art. 3 lid 3 Algemene termijnenwet)', () => {
  it('cover 2023–2028 with exactly the days of the current decrees', () => {
    expect(SHIPPED_DECREE_DAYS.decrees.map((d) => [d.from, d.to, d.days])).toEqual([
      [2023, 2025, ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30']],
      [2026, 2028, ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']],
    ]);
  });

  it('are what the bot uses without DECREE_DAYS_PATH (also when it is empty, as in .env.example)', () => {
    expect(loadConfig({ LOCAL_MODE: 'true' }).DECREE_DAYS_PATH).toBeUndefined();
    expect(loadConfig({ LOCAL_MODE: 'true', DECREE_DAYS_PATH: '' }).DECREE_DAYS_PATH).toBeUndefined();
    expect(loadDecreeDays(undefined)).toBe(SHIPPED_DECREE_DAYS);
  });
});

describe('DECREE_DAYS_PATH', () => {
  it('replaces the shipped days with the file, e.g. when a new decree for 2029 appears', () => {
    const path2029 = file('with-2029.json', { decrees: [...SHIPPED_DECREE_DAYS.decrees, { title: 'Besluit voor 2029 t/m 2031', from: 2029, to: 2031, days: ['2029-05-11'] }] });
    expect(loadConfig({ LOCAL_MODE: 'true', DECREE_DAYS_PATH: path2029 }).DECREE_DAYS_PATH).toBe(path2029);
    const calendar = workingDayCalendar(path2029);
    expect(calendar.decreeDaysKnown(2029)).toBe(true);
    expect(calendar.isWorkingDay('2029-05-11')).toBe(false); // Friday after Hemelvaart 2029
  });

  it('stops start-up on a file that cannot be read, naming the file', () => {
    expect(() => loadDecreeDays(path.join(dir, 'missing.json'))).toThrow(ConfigError);
    expect(() => loadDecreeDays(file('broken.json', '{ "decrees": ['))).toThrow(/cannot be read as JSON/);
  });

  it('stops start-up on an invalid file and lists every problem', () => {
    const bad = file('bad.json', {
      decrees: [
        { from: 2029, to: 2031, days: ['2029-05-12', '2032-01-02', '11-05-2029', '2029-02-30'] },
        { from: 2031, to: 2033, days: ['2031-05-30', '2031-05-30'] },
      ],
    });
    let message = '';
    try {
      loadDecreeDays(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(`Decree days in ${bad} are invalid`);
    expect(message).toContain('decrees.0.days.0: 2029-05-12 is a Saturday');
    expect(message).toContain("decrees.0.days.1: 2032-01-02 lies outside the decree's years 2029–2031");
    expect(message).toContain('decrees.0.days.2: "11-05-2029" is not a date (yyyy-MM-dd)');
    expect(message).toContain('decrees.0.days.3: "2029-02-30" is not a date (yyyy-MM-dd)');
    expect(message).toContain('decrees.1: covers years that decrees[0] covers too (2029–2031)');
    expect(message).toContain('decrees.1.days.1: 2031-05-30 is listed twice');
  });

  it.each([
    ['no decrees key', {}, /decrees/],
    ['years the wrong way round', { decrees: [{ from: 2031, to: 2029, days: [] }] }, /"to" \(2029\) is before "from" \(2031\)/],
    ['an unknown field (a typo)', { decrees: [{ from: 2029, to: 2031, dayz: [] }] }, /days|dayz/],
    ['a year that is no number', { decrees: [{ from: '2029', to: 2031, days: [] }] }, /from/],
  ])('refuses %s', (_what, raw, problem) => {
    const result = parseDecreeDays(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.join('\n')).toMatch(problem);
  });
});
