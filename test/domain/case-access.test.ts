import { submitCase, takeCase, type Case } from '../../src/domain/case';
import { accessOf, assertHandler, assertOfficeHolder, type CaseAccess } from '../../src/domain/case-access';
import { parseDirectory, type Directory } from '../../src/domain/directory';
import { DomainError } from '../../src/domain/errors';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { userMessageOf } from '../../src/copy/errors.copy';

/** The DomainError `act` throws. */
function thrownBy(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const NOW = new Date('2026-11-30T09:00:00Z');

const id = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const WETHOUDER = id(1);
const RAADSLID = id(2);
const BURGEMEESTER = id(3); // informed of a wethouder's case
const SECRETARIS_UTRECHT = id(10);
const SECRETARIS_UTRECHT_2 = id(11);
const GRIFFIER_UTRECHT = id(12);
const SECRETARIS_ZEIST = id(20);
const GRIFFIER_ZEIST = id(21);
const STRANGER = id(99);

const desk = (role: string, ...handlers: string[]) => ({
  role,
  channel: { teamId: `19:${role}@thread.tacv2`, channelId: `19:${role}-channel@thread.tacv2` },
  handlers: handlers.map((aadObjectId, i) => ({ aadObjectId, name: `Afhandelaar ${i + 1}` })),
});

function directory(): Directory {
  const parsed = parseDirectory({
    version: 1,
    tenantId: 'tenant',
    coordinatorVpt: { aadObjectId: id(900), name: 'Coördinator VPT' },
    organisations: [
      {
        organisationId: 'gemeente-utrecht',
        desks: [desk('gemeentesecretaris', SECRETARIS_UTRECHT, SECRETARIS_UTRECHT_2), desk('griffier', GRIFFIER_UTRECHT)],
        members: [
          { aadObjectId: WETHOUDER, name: 'Wethouder', role: 'wethouder' },
          { aadObjectId: BURGEMEESTER, name: 'Burgemeester', role: 'burgemeester' },
        ],
      },
      {
        organisationId: 'gemeente-zeist',
        desks: [desk('gemeentesecretaris', SECRETARIS_ZEIST), desk('griffier', GRIFFIER_ZEIST)],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.directory;
}

function caseOf(role: OfficeHolderRole, officeHolder: string, organisationId = 'gemeente-utrecht'): Case {
  return submitCase(
    {
      id: `case-${role}`,
      caseNumber: 'WB-2026-00100',
      organisationId,
      officeHolder: { aadObjectId: officeHolder, name: 'Test', role },
      report: {
        incidentAt: '2026-11-29T19:30:00Z',
        place: { mode: 'online', channel: 'socialeMedia' },
        description: 'Scheldpartij onder een bericht.',
        level: 3,
        kinds: ['onlineAgressie'],
        perpetrator: { known: false, type: 'persoon' },
        evidence: { files: [] },
        injury: [],
        damage: { propertyDamage: false, absenceFromWork: false },
        criminalOffenceSuspected: 'no',
        feltHindered: true,
      },
    },
    NOW,
    calendar,
  ).case;
}

describe('accessOf', () => {
  const dir = directory();
  const wethouderCase = caseOf('wethouder', WETHOUDER);
  const raadslidCase = caseOf('gemeenteraadslid', RAADSLID);

  it.each<[string, CaseAccess, Case, string]>([
    ["a handler on the case's desk", 'handler', wethouderCase, SECRETARIS_UTRECHT],
    ['a colleague on the same desk', 'handler', wethouderCase, SECRETARIS_UTRECHT_2],
    ['the office holder', 'officeHolder', wethouderCase, WETHOUDER],
    ['an informed party (the burgemeester)', 'none', wethouderCase, BURGEMEESTER],
    ["the griffier on a wethouder's case (other desk, same organisation)", 'none', wethouderCase, GRIFFIER_UTRECHT],
    ["the other organisation's gemeentesecretaris (same role)", 'none', wethouderCase, SECRETARIS_ZEIST],
    ["the other organisation's griffier", 'none', raadslidCase, GRIFFIER_ZEIST],
    ["the griffier on a raadslid's case", 'handler', raadslidCase, GRIFFIER_UTRECHT],
    ["the gemeentesecretaris on a raadslid's case", 'none', raadslidCase, SECRETARIS_UTRECHT],
    ['someone else', 'none', wethouderCase, STRANGER],
    ['an empty id', 'none', wethouderCase, ''],
  ])('%s → %s', (_who, expected, c, person) => {
    expect(accessOf(c, person, dir)).toBe(expected);
  });

  it('gives no access on a case of an organisation without desks in the directory', () => {
    expect(accessOf(caseOf('wethouder', WETHOUDER, 'gemeente-houten'), SECRETARIS_UTRECHT, dir)).toBe('none');
  });

  it('follows the directory, not who took the case: taking it grants nothing', () => {
    const taken = takeCase(wethouderCase, SECRETARIS_ZEIST, NOW).case;
    expect(taken.handler?.aadObjectId).toBe(SECRETARIS_ZEIST);
    expect(accessOf(taken, SECRETARIS_ZEIST, dir)).toBe('none');
  });

  it('keeps an office holder who is also on the desk away from their own case', () => {
    const ownCase = caseOf('wethouder', SECRETARIS_UTRECHT);
    expect(accessOf(ownCase, SECRETARIS_UTRECHT, dir)).toBe('officeHolder');
  });
});

describe('assertHandler / assertOfficeHolder', () => {
  const dir = directory();
  const c = caseOf('wethouder', WETHOUDER);

  it('lets a handler through', () => {
    expect(() => assertHandler(c, SECRETARIS_UTRECHT, dir)).not.toThrow();
    expect(() => assertOfficeHolder(c, WETHOUDER)).not.toThrow();
  });

  it.each([
    ['the office holder trying a handler action', WETHOUDER],
    ['the griffier of the same organisation', GRIFFIER_UTRECHT],
    ["another organisation's handler", SECRETARIS_ZEIST],
    ['an informed party', BURGEMEESTER],
    ['someone else', STRANGER],
  ])('refuses %s with CASE.NOT_ALLOWED', (_who, person) => {
    const act = () => assertHandler(c, person, dir);
    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code: 'CASE.NOT_ALLOWED' }));
    expect(userMessageOf(thrownBy(act))).toBe('Je mag deze stap in deze zaak niet zetten.');
  });

  it('refuses a handler acting as the office holder', () => {
    expect(() => assertOfficeHolder(c, SECRETARIS_UTRECHT)).toThrow(expect.objectContaining({ code: 'CASE.NOT_ALLOWED' }));
    expect(() => assertOfficeHolder(c, '')).toThrow(expect.objectContaining({ code: 'CASE.NOT_ALLOWED' }));
  });
});
