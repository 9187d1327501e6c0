import {
  agreeToMeasures,
  approveMeasures,
  closeCase,
  proposeMeasures,
  recordLabourInspectorateWarned,
  recordMeetingHeld,
  recordPerpetratorResponse,
  sendBackProposal,
  submitCase,
  takeCase,
  type Case,
} from '../../src/domain/case';
import { tickChecklistStep } from '../../src/domain/police-checklist';
import { recordPoliceReport } from '../../src/domain/police-record';
import { recordMeetingReport } from '../../src/domain/meeting-report';
import { involveCoordinator } from '../../src/domain/coordinator-support';
import { adjustRestrictions, recordRestrictionsConfirmed } from '../../src/domain/restrictions';
import { addInformedPerson } from '../../src/domain/informed-people';
import type { IncidentReport } from '../../src/domain/report';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const OFFICE_HOLDER = 'aad-wethouder';
const HANDLER = 'aad-gemeentesecretaris';
// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const RESTRICTIONS_END = new Date('2027-01-04T11:00:00Z');

function report(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    incidentAt: '2026-11-29T19:30:00Z',
    place: { mode: 'offline', location: 'Raadhuisplein' },
    description: 'Een man duwde mij en dreigde terug te komen. Één getuige zag het.',
    level: 5,
    kinds: ['fysiekeAgressie', 'bedreiging'],
    perpetrator: { known: true, type: 'persoon', name: 'Jan de Vriës', licencePlate: '12-ABC-3' },
    evidence: { files: [] },
    injury: ['mental'],
    damage: { propertyDamage: true, absenceFromWork: false },
    criminalOffenceSuspected: 'yes',
    feltHindered: true,
    ...overrides,
  };
}

function submitted(id: string, sequence: number, registeredAt: Date, overrides: Partial<IncidentReport> = {}): Case {
  return submitCase(
    {
      id,
      caseNumber: `WB-2026-${String(sequence).padStart(5, '0')}`,
      organisationId: 'gemeente-utrecht',
      officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test Wethouder', role: 'wethouder' },
      report: report(overrides),
    },
    registeredAt,
    calendar,
  ).case;
}

/** A case that went through every handling step, so every new field holds data. */
function fullyHandledCase(): Case {
  let c = takeCase(submitted('case-full', 1, NOW), HANDLER, later(1)).case;
  c = tickChecklistStep(c, 1, HANDLER, later(2)).case;
  c = tickChecklistStep(c, 3, HANDLER, later(3)).case;
  c = recordLabourInspectorateWarned(c, HANDLER, later(4)).case;
  c = recordMeetingHeld(c, 'incidentMeeting', HANDLER, later(5), later(6)).case;
  c = proposeMeasures(c, HANDLER, [{ kind: 'restrictiveMeasures', description: 'Geen toegang tot het stadhuis.', endsAt: RESTRICTIONS_END }, { kind: 'aftercare' }], later(7), {
    noDamageRecoveryReason: 'Eerst de verzekeraar.',
  }).case;
  c = sendBackProposal(c, OFFICE_HOLDER, 'Graag ook de schade verhalen.', later(8)).case;
  c = proposeMeasures(c, HANDLER, [{ kind: 'restrictiveMeasures', endsAt: RESTRICTIONS_END }, { kind: 'damageRecovery' }, { kind: 'policeReport' }], later(9), { calendar }).case;
  c = agreeToMeasures(c, OFFICE_HOLDER, later(10), 'Akkoord.').case;
  c = approveMeasures(c, HANDLER, later(11)).case;
  c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Brief met contactverbod verstuurd.' }, HANDLER, later(12)).case;
  c = recordMeetingHeld(c, 'combinedMeeting', HANDLER, later(13), later(14)).case;
  // Issue 10 points 3–6 and 9: every follow-up field filled.
  c = recordPoliceReport(c, { kind: 'aangifte', madeAt: later(5), judgement: 'notPunishable' }, HANDLER, later(14), calendar).case;
  c = recordMeetingReport(c, { text: 'Gedrag besproken; contactafspraken gemaakt.', shareableWithPerpetrator: true }, HANDLER, later(14)).case;
  c = involveCoordinator(c, HANDLER, later(14)).case;
  c = adjustRestrictions(c, { endsAt: new Date(RESTRICTIONS_END.getTime() + 7 * 24 * 3600_000), agreements: 'Alleen schriftelijk contact.' }, HANDLER, later(14)).case;
  c = recordRestrictionsConfirmed(c, later(14), HANDLER, later(14)).case;
  c = addInformedPerson(c, 'aad-griffier', HANDLER, later(14), {
    informedPeople: () => [],
    informedMembers: () => [{ aadObjectId: 'aad-griffier', name: 'Griffier', role: 'griffier' }],
  }).case;
  return closeCase(c, HANDLER, later(15), {
    riskAssessment: 'Ernstig; risico op herhaling.',
    causeAnalysis: 'Onvrede over een besluit.',
    trendAnalysis: 'Eerste keer bij deze pleger.',
    improvements: 'Beveiliging bij bijeenkomsten.',
  }, 'keepRunning').case;
}

describe('TableCaseRepository with case handling fields', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('cases'));
  const client = tables.client('Cases');
  const repository = new TableCaseRepository(client);
  const c = fullyHandledCase();

  beforeAll(async () => {
    await tables.ensureTables(['Cases']);
    await repository.create(c);
  });

  it('stores and reads back a case with every new field unchanged', async () => {
    // Every new field is filled, so the round trip below checks them all.
    expect(c.goalReachedAt).toEqual({
      policeAppointment: later(3),
      labourInspectorate: later(4),
      incidentMeeting: later(5),
      measures: later(11),
      // Reached by the combined meeting, open again once the restrictions were extended.
    });
    expect(c.restrictions?.closingDecision?.decision).toBe('keepRunning');
    expect(c.tasks.map((t) => t.kind)).toEqual(expect.arrayContaining(['secondOpinion', 'reportDamageClaim']));
    for (const field of [c.policeRecord, c.meetingReport, c.coordinatorSupport, c.informedChanges, c.restrictions?.adjustments[0], c.restrictions?.confirmations[0]]) expect(field).toBeDefined();
    // The first proposal's reason not to recover the damage went with the proposal that recovers it.
    expect(c.damageRecoveryWaiver).toBeUndefined();
    expect(c.measureHistory.map((e) => e.action)).toEqual(['proposed', 'sentBack', 'proposed', 'agreed', 'approved']);
    expect(c.meetings).toHaveLength(2);
    // Steps 1 and 3 ticked by hand; step 4 by recording the aangifte.
    expect(c.policeChecklist?.ticks.map((t) => t.step)).toEqual([1, 3, 4]);
    expect(c.evaluation).toBeDefined();
    expect(c.labourInspectorateWarned).toBeDefined();
    expect(c.deadlines.map((d) => d.kind)).toContain('restorationMeeting');

    expect(await repository.create(c)).toBe('exists');
    const stored = await repository.get(c.id);
    expect(stored?.case).toEqual(c);
    expect(stored?.case.goalReachedAt.measures).toBeInstanceOf(Date);
    expect(stored?.case.measureHistory[0].measures?.[0].endsAt).toBeInstanceOf(Date);
  });

  it('keeps dates as ISO strings in the stored row, and no perpetrator name or plate in its filter columns', async () => {
    const row = await client.getEntity<Record<string, unknown>>('case-full', 'case');
    const document = JSON.parse(String(row.Json0)) as Record<string, unknown>;
    expect(document.goalReachedAt).toMatchObject({ measures: later(11).toISOString(), policeAppointment: later(3).toISOString() });
    expect(document.labourInspectorateWarned).toEqual({ at: later(4).toISOString(), byAadObjectId: HANDLER });
    expect(document.perpetratorKeys).toEqual(['name:jan de vries', 'plate:12abc3']);

    // Recidive is found through the perpetrator index (hashed keys), not through plain-text columns.
    const columns = Object.entries(row).filter(([name]) => !/^Json/.test(name)).map(([, value]) => String(value));
    expect(columns.join(' ')).not.toMatch(/jan de vries|12abc3/);
  });

  it("lists an office holder's cases, newest first, with their new fields", async () => {
    const open = takeCase(submitted('case-open', 2, later(60), { level: 3, injury: [], criminalOffenceSuspected: 'no', damage: { propertyDamage: false, absenceFromWork: false } }), HANDLER, later(61)).case;
    await repository.create(open);
    const listed = await repository.listByOfficeHolder(OFFICE_HOLDER);
    expect(listed.map((c) => c.id)).toEqual(['case-open', 'case-full']);
    expect(listed[0]).toEqual(open);
    expect(listed[0].policeChecklist).toBeUndefined();
    expect(listed[1].evaluation?.improvements).toBe('Beveiliging bij bijeenkomsten.');
  });

  it('still reads a row written before case handling existed, with defaults filled in', async () => {
    const current = { ...submitted('case-legacy', 3, NOW), officeHolder: { aadObjectId: 'aad-legacy', name: 'Test Wethouder 2', role: 'wethouder' as const } };
    const { measureHistory: _h, perpetratorKeys: _k, goalReachedAt: _g, policeChecklist: _p, meetings: _m, ...legacy } = current;
    const legacyWithMeasure = { ...legacy, measures: [{ id: 'old-1', kind: 'writtenWarning' }] };
    await client.createEntity({
      partitionKey: 'case-legacy',
      rowKey: 'case',
      JsonParts: 1,
      Json0: JSON.stringify(legacyWithMeasure),
      officeHolderAadObjectId: 'aad-legacy',
    });
    const stored = await repository.get('case-legacy');
    expect(stored?.case).toEqual({
      ...current,
      measures: [{ id: 'old-1', kind: 'writtenWarning', status: 'proposed' }],
    });
    // Derived as submitCase would have: recidive keys and, for a suspected offence, the checklist.
    expect(stored?.case.perpetratorKeys).toEqual(['name:jan de vries', 'plate:12abc3']);
    expect(stored?.case.policeChecklist).toEqual({ ticks: [] });
    expect((await repository.listByOfficeHolder('aad-legacy')).map((x) => x.id)).toEqual(['case-legacy']);
  });

  it('reads deadlines stored before they recorded when they were set, and drops an incidentgesprek deadline no chosen measure calls for', async () => {
    // Rows of that time: every case had the incidentgesprek deadline from submission, and "overdueAtRegistration".
    const oldDeadlines = (c: Case) =>
      [...c.deadlines, { kind: 'incidentMeeting', dueAt: new Date('2026-12-02T19:30:00Z') }].map((d) => ({ kind: d.kind, dueAt: d.dueAt.toISOString(), overdueAtRegistration: false }));
    const write = async (c: Case, measures: { id: string; kind: string; status: string }[]) =>
      client.createEntity({ partitionKey: c.id, rowKey: 'case', JsonParts: 1, Json0: JSON.stringify({ ...c, measures, deadlines: oldDeadlines(c) }), officeHolderAadObjectId: 'aad-old-deadlines' });

    const warning = { ...takeCase(submitted('old-warning', 4, NOW), HANDLER, later(1)).case, officeHolder: { aadObjectId: 'aad-old-deadlines', name: 'W', role: 'wethouder' as const } };
    await write(warning, [{ id: 'm1-1', kind: 'writtenWarning', status: 'approved' }]);
    const readWarning = (await repository.get('old-warning'))!.case;
    expect(readWarning.deadlines).toEqual(warning.deadlines); // the incidentgesprek dropped, setAt filled in with the registration
    expect(readWarning.deadlines.map((d) => d.kind)).not.toContain('incidentMeeting');

    const meeting = { ...takeCase(submitted('old-meeting', 5, NOW), HANDLER, later(1)).case, officeHolder: { aadObjectId: 'aad-old-deadlines', name: 'W', role: 'wethouder' as const } };
    await write(meeting, [{ id: 'm1-1', kind: 'combinedMeeting', status: 'approved' }]);
    const readMeeting = (await repository.get('old-meeting'))!.case;
    expect(readMeeting.deadlines.find((d) => d.kind === 'incidentMeeting')).toEqual({ kind: 'incidentMeeting', dueAt: new Date('2026-12-02T19:30:00Z'), setAt: NOW, overdueWhenSet: false });
  });

  it('keeps the decree-days marker of a police deadline through a round trip', async () => {
    const marked = submitted('case-2029', 6, new Date('2028-12-28T09:00:00Z'), { incidentAt: '2028-12-27T19:30:00Z' });
    expect(marked.deadlines.find((d) => d.kind === 'policeAppointment')?.decreeDaysUnknownFor).toEqual([2029]);
    await repository.create(marked);
    expect((await repository.get('case-2029'))?.case).toEqual(marked);
  });
});
