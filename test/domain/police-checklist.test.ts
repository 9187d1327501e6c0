import { closeCase, recordPerpetratorResponse, submitCase, takeCase, type Case } from '../../src/domain/case';
import { DomainError, type DomainErrorCode } from '../../src/domain/errors';
import {
  POLICE_CHECKLIST_LABELS,
  POLICE_CHECKLIST_STEPS,
  policeChecklistItems,
  tickChecklistStep,
  untickChecklistStep,
  type PoliceChecklistStep,
} from '../../src/domain/police-checklist';
import type { IncidentReport } from '../../src/domain/report';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const OFFICE_HOLDER = 'aad-office-holder';
const HANDLER = 'aad-handler';
const COLLEAGUE = 'aad-handler-2';
// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function report(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    incidentAt: '2026-11-29T19:30:00Z',
    place: { mode: 'online', channel: 'email' },
    description: 'Een dreigende e-mail na het raadsdebat.',
    level: 4,
    kinds: ['bedreiging'],
    perpetrator: { known: true, type: 'persoon', name: 'A. Afzender' },
    evidence: { files: [] },
    injury: [],
    damage: { propertyDamage: false, absenceFromWork: false },
    criminalOffenceSuspected: 'yes',
    feltHindered: true,
    ...overrides,
  };
}

function submitted(overrides: Partial<IncidentReport> = {}): Case {
  return submitCase(
    {
      id: 'case-7',
      caseNumber: 'WB-2026-00007',
      organisationId: 'gemeente-zeist',
      officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test Wethouder', role: 'wethouder' },
      report: report(overrides),
    },
    NOW,
    calendar,
  ).case;
}
const taken = (overrides: Partial<IncidentReport> = {}) => takeCase(submitted(overrides), HANDLER, later(1)).case;

function expectDomainError(action: () => unknown, code: DomainErrorCode): void {
  expect(action).toThrow(DomainError);
  expect(action).toThrow(expect.objectContaining({ code }));
}

describe('the nine steps of the stappenplan melding en aangifte', () => {
  it('has a Dutch label for each step, in order', () => {
    expect(POLICE_CHECKLIST_STEPS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(POLICE_CHECKLIST_LABELS[3]).toBe('Maak een afspraak met de politie');
    expect(POLICE_CHECKLIST_LABELS[5]).toContain('nooit het woonadres');
    for (const step of POLICE_CHECKLIST_STEPS) {
      expect(POLICE_CHECKLIST_LABELS[step]).toMatch(/^[A-Z]/);
    }
  });

  it.each<[string, Partial<IncidentReport>, boolean]>([
    ['an offence is suspected', { criminalOffenceSuspected: 'yes' }, true],
    ['the reporter is unsure', { criminalOffenceSuspected: 'unsure', level: 3 }, true],
    ['physical violence, whatever the answer', { criminalOffenceSuspected: 'no', level: 5 }, true],
    ['no offence below physical violence', { criminalOffenceSuspected: 'no', level: 4 }, false],
  ])('is on the case when %s: %p', (_what, overrides, present) => {
    expect(policeChecklistItems(submitted(overrides)) !== undefined).toBe(present);
  });
});

describe('ticking steps', () => {
  it('records who ticked which step and when; the card view shows all nine', () => {
    const c = tickChecklistStep(tickChecklistStep(taken(), 2, COLLEAGUE, later(10)).case, 1, HANDLER, later(20)).case;
    expect(c.policeChecklist?.ticks).toEqual([
      { step: 1, at: later(20), byAadObjectId: HANDLER },
      { step: 2, at: later(10), byAadObjectId: COLLEAGUE },
    ]);
    const items = policeChecklistItems(c)!;
    expect(items).toHaveLength(9);
    expect(items[0]).toEqual({ step: 1, label: 'Meld het incident intern', done: { at: later(20), byAadObjectId: HANDLER } });
    expect(items[2]).toEqual({ step: 3, label: 'Maak een afspraak met de politie' });
  });

  it('is idempotent: a second click keeps the first tick', () => {
    const once = tickChecklistStep(taken(), 4, HANDLER, later(10)).case;
    expect(tickChecklistStep(once, 4, COLLEAGUE, later(11)).case).toBe(once);
  });

  it('reaches the police appointment goal with step 3 only', () => {
    expect(tickChecklistStep(taken(), 2, HANDLER, later(10)).case.goalReachedAt).toEqual({});
    expect(tickChecklistStep(taken(), 3, HANDLER, later(10)).case.goalReachedAt).toEqual({ policeAppointment: later(10) });
  });

  it.each<[string, () => unknown, DomainErrorCode]>([
    ['on a case without a checklist', () => tickChecklistStep(taken({ criminalOffenceSuspected: 'no' }), 3, HANDLER, later(10)).case, 'CASE.NO_POLICE_CHECKLIST'],
    ['step 0', () => tickChecklistStep(taken(), 0 as PoliceChecklistStep, HANDLER, later(10)).case, 'CASE.CHECKLIST_STEP_UNKNOWN'],
    ['step 10', () => tickChecklistStep(taken(), 10 as PoliceChecklistStep, HANDLER, later(10)).case, 'CASE.CHECKLIST_STEP_UNKNOWN'],
    ['step 2.5', () => tickChecklistStep(taken(), 2.5 as PoliceChecklistStep, HANDLER, later(10)).case, 'CASE.CHECKLIST_STEP_UNKNOWN'],
    ['by the office holder (never files the aangifte)', () => tickChecklistStep(taken(), 4, OFFICE_HOLDER, later(10)).case, 'CASE.NOT_ALLOWED'],
    ['before the case was taken', () => tickChecklistStep(submitted(), 1, HANDLER, later(10)).case, 'CASE.INVALID_TRANSITION'],
  ])('is refused %s', (_what, action, code) => {
    expectDomainError(action, code);
  });

  it('is refused on a closed case', () => {
    let c = recordPerpetratorResponse(taken(), { kind: 'notPossible', reason: 'other', explanation: 'Afzender onvindbaar.' }, HANDLER, later(5)).case;
    c = closeCase(c, HANDLER, later(6), { riskAssessment: 'Laag', causeAnalysis: 'Debat', trendAnalysis: 'Nee', improvements: 'Geen' }).case;
    expectDomainError(() => tickChecklistStep(c, 1, HANDLER, later(10)).case, 'CASE.CLOSED');
  });
});

describe('unticking (a mis-click must be correctable)', () => {
  it('removes the tick, and unticking step 3 lets the police reminders resume', () => {
    const ticked = tickChecklistStep(tickChecklistStep(taken(), 3, HANDLER, later(10)).case, 4, HANDLER, later(11)).case;
    const unticked = untickChecklistStep(ticked, 3, COLLEAGUE, later(12)).case;
    expect(unticked.policeChecklist?.ticks.map((t) => t.step)).toEqual([4]);
    expect(unticked.goalReachedAt).toEqual({});
    expect(untickChecklistStep(ticked, 4, HANDLER, later(12)).case.goalReachedAt).toEqual({ policeAppointment: later(10) });
  });

  it('changes nothing for an open step, and is refused to the office holder', () => {
    const c = taken();
    expect(untickChecklistStep(c, 6, HANDLER, later(12)).case).toBe(c);
    expectDomainError(() => untickChecklistStep(tickChecklistStep(c, 6, HANDLER, later(10)).case, 6, OFFICE_HOLDER, later(12)).case, 'CASE.NOT_ALLOWED');
  });
});
