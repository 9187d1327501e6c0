import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { supportLinesFor } from '../../src/domain/support-lines';
import { OFFICE_HOLDER_ROLES } from '../../src/domain/roles';

describe('support lines shown to the office holder', () => {
  it.each(OFFICE_HOLDER_ROLES)('%s always sees the Vertrouwenslijn and the Slachtofferloket', (role) => {
    const phones = supportLinesFor(role).map((l) => l.phone);
    expect(phones).toContain('088 5543 288');
    expect(phones).toContain('088-633 1580');
  });

  it.each([
    ['burgemeester', true, 'Nederlands Genootschap van Burgemeesters (NGB)'],
    ['wethouder', false, 'Wethoudersvereniging'],
    ['gemeenteraadslid', false, 'Vereniging voor Raadsleden'],
    ['statenlid', false, undefined],
    ['dijkgraaf', false, undefined],
  ] as const)('%s: crisislijn %s, association %s', (role, crisis, association) => {
    const lines = supportLinesFor(role);
    expect(lines.some((l) => l.phone === '070-373 8080')).toBe(crisis);
    const associations = lines.filter((l) => !l.phone).map((l) => l.name);
    expect(associations).toEqual(association ? [association] : []);
  });
});

describe('one source for the support lines', () => {
  const root = path.resolve(__dirname, '../..');
  const SOURCE = path.join('src', 'domain', 'support-lines.ts');
  /** A Dutch phone number: 0 and nine more digits, in groups split by spaces, dashes or non-breaking spaces. */
  const PHONE = /(?<![\w-])0\d(?:[\s\u00A0-]?\d){8}(?![\w-])/u;

  function filesUnder(folder: string): string[] {
    return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) return filesUnder(relative);
      return /\.(ts|json)$/.test(entry.name) ? [relative] : [];
    });
  }

  it('finds the numbers it looks for (the pattern is not blind)', () => {
    const numbers = supportLinesFor('burgemeester').flatMap((l) => (l.phone === undefined ? [] : [l.phone]));
    expect(numbers).toHaveLength(3);
    for (const phone of numbers) expect(PHONE.test(phone)).toBe(true);
    expect(PHONE.test(readFileSync(path.join(root, SOURCE), 'utf8'))).toBe(true);
  });

  it('has no phone number written anywhere else in src/ or cards/', () => {
    const offenders = [...filesUnder('src'), ...filesUnder('cards')]
      .filter((file) => file !== SOURCE)
      .filter((file) => PHONE.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
