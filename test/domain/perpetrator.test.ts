import { submitCase, type Case } from '../../src/domain/case';
import { countEarlierCases, normaliseLicencePlate, perpetratorKeys } from '../../src/domain/perpetrator';
import type { IncidentReport, Perpetrator } from '../../src/domain/report';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const keysOf = (perpetrator: Partial<Perpetrator>) => perpetratorKeys({ perpetrator: { known: true, type: 'persoon', ...perpetrator } });

describe('perpetratorKeys', () => {
  it.each<[string, Partial<Perpetrator>, string[]]>([
    ['a name', { name: 'Jan de Vries' }, ['name:jan de vries']],
    ['a name and a plate', { name: 'Jan de Vries', licencePlate: '12-ABC-3' }, ['name:jan de vries', 'plate:12abc3']],
    ['only a plate, perpetrator unknown', { known: false, licencePlate: 'AB-123-C' }, ['plate:ab123c']],
    ['a screen name of an unknown perpetrator', { known: false, name: '@Boze_Burger' }, ['name:@boze_burger']],
    ['a company', { type: 'bedrijf', name: 'Sloopbedrijf Ölçer B.V.' }, ['name:sloopbedrijf olcer b v']],
    ['nothing: unknown perpetrator', { known: false, characteristics: 'Man met een rode jas' }, []],
    ['"onbekend" typed as the name', { known: false, name: ' Onbekend ' }, []],
    ['a single letter', { name: 'X.' }, []],
    ['a handle on a known platform: the platform is part of the key', { known: false, name: '@UtrechtBoos', platform: 'instagram' }, ['handle:instagram:utrechtboos']],
    ['a handle on a platform, and a plate', { name: '@utrechtboos', platform: 'x', licencePlate: '12-ABC-3' }, ['handle:x:utrechtboos', 'plate:12abc3']],
    ['a plain name with a platform stays a name', { name: 'Jan Pietersen', platform: 'facebook' }, ['name:jan pietersen']],
  ])('%s', (_what, perpetrator, expected) => {
    expect(keysOf(perpetrator)).toEqual(expected);
  });

  it.each<[string, Partial<Perpetrator>, Partial<Perpetrator>]>([
    ['case and spacing', { name: 'Jan de Vries' }, { name: '  jan   DE\tvries ' }],
    ['accents', { name: 'José Müller' }, { name: 'Jose Muller' }],
    ['initials with or without dots', { name: 'J. de Vries' }, { name: 'J de Vries' }],
    ['curly and straight apostrophes', { name: "M. d'Hondt" }, { name: 'M. d’Hondt' }],
    ['a handle in capitals', { name: '@Boze_Burger' }, { name: '@boze_burger' }],
    ['a plate with or without dashes', { licencePlate: '12-ABC-3' }, { licencePlate: '12abc3' }],
  ])('the same perpetrator typed differently matches: %s', (_what, a, b) => {
    expect(keysOf(a)).toEqual(keysOf(b));
    expect(keysOf(a)).not.toEqual([]);
  });

  it.each<[string, Partial<Perpetrator>, Partial<Perpetrator>]>([
    ['different names', { name: 'Jan de Vries' }, { name: 'Jan de Vries-Jansen' }],
    ['a handle is not the plain name', { name: '@jandevries' }, { name: 'jandevries' }],
    ['different handles', { name: '@boze_burger' }, { name: '@boze.burger' }],
    ['different plates', { licencePlate: '12-ABC-3' }, { licencePlate: '12-ABC-4' }],
    ['one handle on two platforms', { name: '@utrechtboos', platform: 'instagram' }, { name: '@utrechtboos', platform: 'tiktok' }],
  ])('different perpetrators do not match: %s', (_what, a, b) => {
    const shared = keysOf(a).filter((key) => keysOf(b).includes(key));
    expect(shared).toEqual([]);
  });
});

describe('countEarlierCases', () => {
  let sequence = 0;
  function caseOf(perpetrator: Partial<Perpetrator>, registeredAt: string, organisationId = 'gemeente-utrecht'): Case {
    sequence += 1;
    const report: IncidentReport = {
      incidentAt: '2026-01-01T10:00:00Z',
      place: { mode: 'offline', location: 'Stadhuis' },
      description: 'Schelden bij de balie.',
      level: 3,
      kinds: ['verbaleAgressie'],
      perpetrator: { known: true, type: 'persoon', ...perpetrator },
      evidence: { files: [] },
      injury: [],
      damage: { propertyDamage: false, absenceFromWork: false },
      criminalOffenceSuspected: 'no',
      feltHindered: true,
    };
    return submitCase(
      {
        id: `case-${sequence}`,
        caseNumber: `WB-2026-${String(sequence).padStart(5, '0')}`,
        organisationId,
        officeHolder: { aadObjectId: `aad-${sequence}`, name: 'Test', role: 'wethouder' },
        report,
      },
      new Date(registeredAt),
      calendar,
    ).case;
  }

  const current = caseOf({ name: 'Jan de Vries', licencePlate: '12-ABC-3' }, '2026-06-01T10:00:00Z');
  const others = [
    caseOf({ name: 'jan  de vriës' }, '2026-02-01T10:00:00Z'), // same name, earlier: counts
    caseOf({ known: false, licencePlate: '12ABC3' }, '2026-03-01T10:00:00Z'), // same plate, earlier: counts
    caseOf({ name: 'Jan de Vries' }, '2026-07-01T10:00:00Z'), // later: not yet recidive at this case
    caseOf({ name: 'Jan de Vries' }, '2026-02-01T10:00:00Z', 'gemeente-zeist'), // other organisation
    caseOf({ name: 'Piet Jansen' }, '2026-02-01T10:00:00Z'), // somebody else
    caseOf({ known: false }, '2026-02-01T10:00:00Z'), // unknown perpetrator
  ];

  it('counts earlier cases of the same organisation that share a key', () => {
    expect(countEarlierCases(current, [...others, current])).toBe(2);
  });

  it('counts nothing for a first case or an unknown perpetrator', () => {
    expect(countEarlierCases(others[0], others)).toBe(0);
    expect(countEarlierCases(others[5], [...others, current])).toBe(0);
  });
});

describe('normaliseLicencePlate (light check of Dutch plates)', () => {
  it.each<[string, string | undefined]>([
    ['12-abc-3', '12-ABC-3'],
    ['AB-123-C', 'AB-123-C'],
    ['1 ABC 23', '1-ABC-23'],
    ['xx99xx', 'XX99XX'],
    ['ABCDEFG', undefined],
    ['ABC-DEF', undefined],
    ['123-456', undefined],
    ['A1-B2-C3', undefined],
    ['', undefined],
  ])('%s → %s', (typed, expected) => {
    expect(normaliseLicencePlate(typed)).toBe(expected);
  });
});
