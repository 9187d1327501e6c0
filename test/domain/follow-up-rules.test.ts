import { agreeToMeasures, approveMeasures, closeCase, completeTask, proposeMeasures, recordMeetingHeld, recordPerpetratorResponse, submitCase, takeCase, type Case, type MeasureInput } from '../../src/domain/case';
import { involveCoordinator } from '../../src/domain/coordinator-support';
import { DAMAGE_CLAIM_TASK_ID } from '../../src/domain/damage-recovery';
import { DomainError } from '../../src/domain/errors';
import { addInformedPerson, currentlyInformed, informedCandidates, removeInformedPerson } from '../../src/domain/informed-people';
import { recordMeetingReport } from '../../src/domain/meeting-report';
import { planReminders } from '../../src/domain/reminders';
import { recordPoliceReport, SECOND_OPINION_TASK_ID } from '../../src/domain/police-record';
import { adjustRestrictions, recordRestrictionsConfirmed } from '../../src/domain/restrictions';
import type { IncidentReport } from '../../src/domain/report';
import { calendar, EVALUATION, HANDLER, later, NOW, OFFICE_HOLDER } from '../support/case-moments';
import { sampleReport } from '../support/sample-report';

const KNOWN = { known: true, type: 'persoon', name: 'Jan Pietersen' } as const;
const DAY = 24 * 60;
const RESTRICTIONS_END = later(21 * DAY);

function submitted(report: Partial<IncidentReport> = {}): Case {
  return submitCase(
    { id: 'case-f', caseNumber: 'WB-2026-00090', organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Wethouder', role: 'wethouder' }, report: sampleReport({ perpetrator: KNOWN, ...report }) },
    NOW,
    calendar,
  ).case;
}

function approved(measures: MeasureInput[], report: Partial<IncidentReport> = {}, reason?: string): Case {
  let c = takeCase(submitted(report), HANDLER, later(1)).case;
  c = proposeMeasures(c, HANDLER, measures, later(2), { calendar, ...(reason ? { noDamageRecoveryReason: reason } : {}) }).case;
  c = agreeToMeasures(c, OFFICE_HOLDER, later(3)).case;
  return approveMeasures(c, HANDLER, later(4)).case;
}

function refusedWith(code: string, action: () => unknown): void {
  expect(action).toThrow(DomainError);
  try {
    action();
  } catch (error) {
    expect((error as DomainError).code).toBe(code);
  }
}

const WITH_RESTRICTIONS: MeasureInput[] = [{ kind: 'restrictiveMeasures', endsAt: RESTRICTIONS_END }, { kind: 'combinedMeeting' }, { kind: 'aftercare' }];

describe('point 3: the restrictive measures cycle', () => {
  const held = () => recordMeetingHeld(approved(WITH_RESTRICTIONS), 'combinedMeeting', HANDLER, later(10), later(11)).case;
  const newEnd = later(42 * DAY);

  it.each<[string, () => unknown, string]>([
    ['"Indien dit niet het geval is dan worden maatregelen/contactafspraken verlengd" — not before a herstelgesprek', () => adjustRestrictions(approved(WITH_RESTRICTIONS), { endsAt: newEnd }, HANDLER, later(12)), 'CASE.STEP_NOT_NEEDED'],
    ['a new end date lies ahead', () => adjustRestrictions(held(), { endsAt: later(5) }, HANDLER, later(12)), 'CASE.MEASURE_END_IN_PAST'],
    ['without restrictions there is nothing to confirm', () => recordRestrictionsConfirmed(approved([{ kind: 'writtenWarning' }]), later(10), HANDLER, later(12)), 'CASE.STEP_NOT_NEEDED'],
    ['a confirmation is not sent in the future', () => recordRestrictionsConfirmed(held(), later(3 * DAY), HANDLER, later(12)), 'CASE.DATE_INVALID'],
  ])('%s', (_rule, action, code) => refusedWith(code, action));

  it('"verlengd en/of aangepast" after the herstelgesprek: new end, new agreements, the herstelgesprek moves and is open again, the office holder is told', () => {
    const change = adjustRestrictions(held(), { endsAt: newEnd, agreements: 'Alleen schriftelijk contact.' }, HANDLER, later(12));
    const restrictions = change.case.measures.find((m) => m.kind === 'restrictiveMeasures');
    expect(restrictions).toMatchObject({ endsAt: newEnd, description: 'Alleen schriftelijk contact.' });
    expect(change.case.deadlines.find((d) => d.kind === 'restorationMeeting')?.dueAt).toEqual(newEnd);
    expect(change.case.goalReachedAt.restorationMeeting).toBeUndefined();
    expect(change.events.map((e) => e.type)).toEqual(['restrictionsAdjusted', 'deadlineSet', 'goalReopened']);
  });

  it('"Dit wordt na afloop schriftelijk bevestigd aan de pleger": the date is recorded', () => {
    const change = recordRestrictionsConfirmed(held(), later(11), HANDLER, later(12));
    expect(change.case.restrictions?.confirmations.map((x) => x.sentOn)).toEqual([later(11)]);
    expect(change.events.map((e) => e.type)).toEqual(['restrictionsConfirmed']);
  });

  describe('closing while restrictions still run', () => {
    const ready = () => recordPerpetratorResponse(approved(WITH_RESTRICTIONS), { kind: 'given', summary: 'Brief.' }, HANDLER, later(5)).case;
    it.each<[string, 'endNow' | 'keepRunning' | undefined, boolean | 'refused']>([
      ['no decision: refused, nothing silently dropped', undefined, 'refused'],
      ['end now: the herstelgesprek and its reminders go with the restrictions', 'endNow', false],
      ['keep running: the herstelgesprek reminder stays after closing', 'keepRunning', true],
    ])('%s', (_rule, decision, keepsReminder) => {
      if (keepsReminder === 'refused') return refusedWith('CASE.RESTRICTIONS_DECISION_REQUIRED', () => closeCase(ready(), HANDLER, later(6), EVALUATION, decision));
      const closed = closeCase(ready(), HANDLER, later(6), EVALUATION, decision).case;
      expect(closed.status).toBe('closed');
      const reminders = planReminders(closed, later(7), { calendar, aftercareCheckIn: false });
      expect(reminders.some((r) => r.topics.includes('restorationMeeting'))).toBe(keepsReminder);
      expect(reminders.every((r) => r.topics.includes('restorationMeeting'))).toBe(true);
    });
  });
});

describe('point 4: police', () => {
  const police = (judgement: 'punishable' | 'notPunishable' | 'unknown', c = takeCase(submitted({ criminalOffenceSuspected: 'yes' }), HANDLER, later(1)).case) =>
    recordPoliceReport(c, { kind: 'aangifte', madeAt: later(60), judgement }, HANDLER, later(70), calendar);

  it.each<[string, 'punishable' | 'notPunishable' | 'unknown', boolean]>([
    ['"Als de politie beoordeelt dat het gedrag niet strafbaar is dan kan een second opinion worden aangevraagd bij de hulpofficier van justitie"', 'notPunishable', true],
    ['judged punishable: no second opinion', 'punishable', false],
    ['judgement unknown yet: no second opinion', 'unknown', false],
  ])('%s', (_rule, judgement, secondOpinion) => {
    const c = police(judgement).case;
    expect(c.policeRecord).toMatchObject({ kind: 'aangifte', madeAt: later(60), judgement });
    expect(c.policeChecklist?.ticks.map((t) => t.step)).toContain(4);
    expect(c.tasks.some((t) => t.id === SECOND_OPINION_TASK_ID)).toBe(secondOpinion);
    expect(c.deadlines.some((d) => d.kind === 'secondOpinion')).toBe(secondOpinion);
  });

  it('the second opinion is a task with a reminder; doing it stops the reminder', () => {
    const c = police('notPunishable').case;
    expect(planReminders(c, later(71), { calendar, aftercareCheckIn: false }).some((r) => r.topic === 'secondOpinion')).toBe(true);
    const done = completeTask(c, SECOND_OPINION_TASK_ID, HANDLER, later(80)).case;
    expect(done.goalReachedAt.secondOpinion).toEqual(later(80));
    expect(planReminders(done, later(81), { calendar, aftercareCheckIn: false }).some((r) => r.topic === 'secondOpinion')).toBe(false);
  });

  it('a later judgement other than "niet strafbaar" takes the open offer away', () => {
    const c = recordPoliceReport(police('notPunishable').case, { kind: 'aangifte', madeAt: later(60), judgement: 'punishable' }, HANDLER, later(90), calendar).case;
    expect(c.tasks.some((t) => t.id === SECOND_OPINION_TASK_ID)).toBe(false);
    expect(c.deadlines.some((d) => d.kind === 'secondOpinion')).toBe(false);
  });

  it.each<[string, string, string]>([
    // Monday 30 November 2026 → 17:00 on Wednesday 2 December, as at intake.
    ['"idealiter binnen 2 werkdagen" — a police report decided on a Monday', '2026-11-30T10:00:00Z', '2026-12-02T16:00:00Z'],
    // Decided Thursday 24 December 2026: Christmas (25, 26) and the weekend skip to Tuesday 29 December.
    ['decided before Christmas (art. 3 Algemene termijnenwet)', '2026-12-24T10:00:00Z', '2026-12-29T16:00:00Z'],
  ])('%s gets the 2-working-day deadline from the decision', (_rule, decidedAt, due) => {
    const c = takeCase(submitted({ criminalOffenceSuspected: 'no', level: 3 }), HANDLER, later(1)).case;
    expect(c.deadlines.some((d) => d.kind === 'policeAppointment')).toBe(false);
    const proposed = proposeMeasures(c, HANDLER, [{ kind: 'policeReport' }, { kind: 'writtenWarning' }], new Date(decidedAt), { calendar }).case;
    expect(proposed.deadlines.find((d) => d.kind === 'policeAppointment')?.dueAt).toEqual(new Date(due));
  });

  it('a later proposal without the police report takes a deadline of a proposal away, never the one from intake', () => {
    const fromProposal = takeCase(submitted({ criminalOffenceSuspected: 'no', level: 3 }), HANDLER, later(1)).case;
    let c = proposeMeasures(fromProposal, HANDLER, [{ kind: 'policeReport' }], later(2), { calendar }).case;
    c = proposeMeasures({ ...c, status: 'inProgress' }, HANDLER, [{ kind: 'writtenWarning' }], later(3), { calendar }).case;
    expect(c.deadlines.some((d) => d.kind === 'policeAppointment')).toBe(false);
    const atIntake = takeCase(submitted({ criminalOffenceSuspected: 'yes' }), HANDLER, later(1)).case;
    expect(proposeMeasures(atIntake, HANDLER, [{ kind: 'writtenWarning' }], later(2), { calendar }).case.deadlines.some((d) => d.kind === 'policeAppointment')).toBe(true);
  });
});

describe('point 5: the verslag of the incidentgesprek', () => {
  const held = () => recordMeetingHeld(approved([{ kind: 'incidentMeeting' }]), 'incidentMeeting', HANDLER, later(10), later(11)).case;
  it('"De griffier/secretaris kan van het gesprek een verslag maken dat gedeeld kan worden met de pleger"', () => {
    const c = recordMeetingReport(held(), { text: '  Gedrag besproken.  ', shareableWithPerpetrator: true }, HANDLER, later(12)).case;
    expect(c.meetingReport).toMatchObject({ text: 'Gedrag besproken.', shareableWithPerpetrator: true });
  });
  it.each<[string, () => unknown, string]>([
    ['only after the conversation was held', () => recordMeetingReport(approved([{ kind: 'incidentMeeting' }]), { text: 'x', shareableWithPerpetrator: false }, HANDLER, later(12)), 'CASE.STEP_NOT_NEEDED'],
    ['short: at most 1500 characters', () => recordMeetingReport(held(), { text: 'x'.repeat(1501), shareableWithPerpetrator: false }, HANDLER, later(12)), 'CASE.TEXT_TOO_LONG'],
    ['not empty', () => recordMeetingReport(held(), { text: '   ', shareableWithPerpetrator: false }, HANDLER, later(12)), 'CASE.COMMENT_REQUIRED'],
  ])('%s', (_rule, action, code) => refusedWith(code, action));
});

describe('point 6: informed parties are indicative ("Wie wordt geïnformeerd (indicatief)")', () => {
  const directory = {
    informedPeople: (organisationId: string, role: string) => (organisationId === 'gemeente-utrecht' && role === 'burgemeester' ? [{ aadObjectId: 'aad-burgemeester', name: 'Burgemeester' }] : []),
    informedMembers: (organisationId: string) =>
      organisationId === 'gemeente-utrecht'
        ? [{ aadObjectId: 'aad-burgemeester', name: 'Burgemeester', role: 'burgemeester' as const }, { aadObjectId: 'aad-griffier', name: 'Griffier', role: 'griffier' as const }]
        : [],
  };
  const taken = () => takeCase(submitted(), HANDLER, later(1)).case;

  it('offers only directory people not yet informed; an addition is an event the notice follows', () => {
    const c = taken();
    expect(currentlyInformed(c, directory).map((p) => p.aadObjectId)).toEqual(['aad-burgemeester']);
    expect(informedCandidates(c, directory).map((p) => p.aadObjectId)).toEqual(['aad-griffier']);
    const added = addInformedPerson(c, 'aad-griffier', HANDLER, later(2), directory);
    expect(added.events).toEqual([expect.objectContaining({ type: 'informedPersonAdded', aadObjectId: 'aad-griffier', role: 'griffier' })]);
    expect(addInformedPerson(added.case, 'aad-griffier', HANDLER, later(3), directory).events).toEqual([]);
  });

  it('removes someone informed at the start; an unknown person is refused', () => {
    const removed = removeInformedPerson(taken(), 'aad-burgemeester', HANDLER, later(2), directory).case;
    expect(currentlyInformed(removed, directory)).toEqual([]);
    refusedWith('CASE.INFORMED_PERSON_UNKNOWN', () => addInformedPerson(taken(), 'aad-stranger', HANDLER, later(2), directory));
    refusedWith('CASE.INFORMED_PERSON_UNKNOWN', () => addInformedPerson(taken(), OFFICE_HOLDER, HANDLER, later(2), directory));
  });
});

describe('point 9: Arbeidsinspectie — "Indien ondersteuning gewenst is, wordt de provinciale coördinator betrokken"', () => {
  it('offered with the Arbeidsinspectie deadline, once', () => {
    const c = takeCase(submitted({ injury: ['physical'] }), HANDLER, later(1)).case;
    const first = involveCoordinator(c, HANDLER, later(2));
    expect(first.events.map((e) => e.type)).toEqual(['coordinatorInvolved']);
    expect(involveCoordinator(first.case, HANDLER, later(3)).events).toEqual([]);
  });
  it('not without a serious incident', () => {
    refusedWith('CASE.LABOUR_INSPECTORATE_NOT_NEEDED', () => involveCoordinator(takeCase(submitted(), HANDLER, later(1)).case, HANDLER, later(2)));
  });
});

describe('point 10: "Wanneer iemand schade heeft aangericht … wordt deze altijd verhaald"', () => {
  const DAMAGE = { damage: { propertyDamage: true, absenceFromWork: false } };
  const ABSENCE = { damage: { propertyDamage: false, absenceFromWork: true } };
  it.each<[string, Partial<IncidentReport>, MeasureInput[], string | undefined, 'ok' | 'refused']>([
    ['damage, recovery among the measures', DAMAGE, [{ kind: 'damageRecovery' }, { kind: 'writtenWarning' }], undefined, 'ok'],
    ['damage, no recovery, no reason: refused', DAMAGE, [{ kind: 'writtenWarning' }], undefined, 'refused'],
    ['"Hiervan is tevens sprake als een bestuurder … moet verzuimen": absence without recovery nor reason', ABSENCE, [{ kind: 'writtenWarning' }], undefined, 'refused'],
    ['damage, no recovery, with the reason', DAMAGE, [{ kind: 'writtenWarning' }], 'Schade al vergoed door de verzekeraar.', 'ok'],
    ['no damage: nothing asked', {}, [{ kind: 'writtenWarning' }], undefined, 'ok'],
  ])('%s', (_rule, report, measures, reason, outcome) => {
    if (outcome === 'refused') return refusedWith('CASE.DAMAGE_RECOVERY_REASON_REQUIRED', () => approved(measures, report, reason));
    const c = approved(measures, report, reason);
    expect(c.damageRecoveryWaiver?.reason).toBe(reason);
  });

  it('"Meldt het schadegeval dan bij het juiste orgaan": a tickable step once damage recovery is approved', () => {
    const c = approved([{ kind: 'damageRecovery' }], DAMAGE);
    expect(c.tasks.find((t) => t.id === DAMAGE_CLAIM_TASK_ID)).toMatchObject({ kind: 'reportDamageClaim', status: 'open' });
    expect(completeTask(c, DAMAGE_CLAIM_TASK_ID, HANDLER, later(9)).case.tasks.find((t) => t.id === DAMAGE_CLAIM_TASK_ID)?.status).toBe('done');
  });
});
