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
