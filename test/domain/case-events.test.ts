import {
  agreeToMeasures,
  approveMeasures,
  caseEventSchema,
  closeCase,
  completeTask,
  proposeMeasures,
  recordLabourInspectorateWarned,
  recordMeetingHeld,
  recordPerpetratorResponse,
  sendBackProposal,
  submitCase,
  takeCase,
  type Case,
  type CaseChange,
  type CaseEvent,
} from '../../src/domain/case';
import { tickChecklistStep, untickChecklistStep } from '../../src/domain/police-checklist';
import type { IncidentReport } from '../../src/domain/report';
import { sampleReport } from '../support/sample-report';
import { calendar, EVALUATION, HANDLER, later, NOW, OFFICE_HOLDER } from '../support/case-moments';

function submitted(report: Partial<IncidentReport> = {}): CaseChange {
  return submitCase(
    {
      id: 'case-events',
      caseNumber: 'WB-2026-00077',
      organisationId: 'gemeente-utrecht',
      officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Wethouder', role: 'wethouder' },
      report: sampleReport({ perpetrator: { known: true, type: 'persoon', name: 'Jan Pietersen' }, criminalOffenceSuspected: 'yes', ...report }),
      earlierCasesOfPerpetrator: 2,
    },
    NOW,
    calendar,
  );
}

const types = (change: CaseChange) => change.events.map((e) => e.type);
const taken = (report: Partial<IncidentReport> = {}): Case => takeCase(submitted(report).case, HANDLER, later(1)).case;

describe('each operation reports what happened', () => {
  it('submission: caseSubmitted with the route and level, and the deadlines it sets', () => {
    const change = submitted({ injury: ['mental'] });
    expect(types(change)).toEqual(['caseSubmitted', 'deadlineSet', 'deadlineSet', 'deadlineSet']);
    expect(change.events[0]).toEqual({
      type: 'caseSubmitted',
      caseId: 'case-events',
      at: NOW,
      byAadObjectId: OFFICE_HOLDER,
      actor: 'officeHolder',
      organisationId: 'gemeente-utrecht',
      officeHolderRole: 'wethouder',
      handlerRole: 'gemeentesecretaris',
      level: 4,
    });
    expect(change.events.flatMap((e) => (e.type === 'deadlineSet' ? [e.deadline] : [])).sort()).toEqual(['labourInspectorate', 'measures', 'policeAppointment']);
    expect(change.case.earlierCasesOfPerpetrator).toBe(2);
  });

  it('a proposal with an incidentgesprek sets its deadline; one without it drops it again', () => {
    const first = proposeMeasures(taken(), HANDLER, [{ kind: 'incidentMeeting' }], later(5));
    expect(types(first)).toEqual(['measuresProposed', 'deadlineSet']);
    expect(first.events[0]).toMatchObject({ type: 'measuresProposed', round: 1, measureKinds: ['incidentMeeting'], actor: 'handler', byAadObjectId: HANDLER, at: later(5) });
    const sentBack = sendBackProposal(first.case, OFFICE_HOLDER, 'Liever een waarschuwing.', later(6));
    expect(sentBack.events).toEqual([{ type: 'proposalSentBack', round: 1, caseId: 'case-events', at: later(6), byAadObjectId: OFFICE_HOLDER, actor: 'officeHolder' }]);
    const second = proposeMeasures(sentBack.case, HANDLER, [{ kind: 'writtenWarning' }], later(7));
    expect(types(second)).toEqual(['measuresProposed', 'deadlineDropped']);
    expect(second.events[0]).toMatchObject({ round: 2, measureKinds: ['writtenWarning'] });
  });

  it('agreement and approval, which reaches the measures goal on time', () => {
    const agreed = agreeToMeasures(proposeMeasures(taken(), HANDLER, [{ kind: 'writtenWarning' }], later(5)).case, OFFICE_HOLDER, later(6));
    expect(types(agreed)).toEqual(['measuresAgreed']);
    const approved = approveMeasures(agreed.case, HANDLER, later(7));
    expect(types(approved)).toEqual(['measuresApproved', 'goalReached']);
    expect(approved.events[1]).toMatchObject({ deadline: 'measures', reachedAt: later(7), onTime: true });
  });

  it('the police checklist: step 3 reaches the appointment goal, unticking it reopens the goal', () => {
    expect(types(tickChecklistStep(taken(), 1, HANDLER, later(2)))).toEqual(['checklistStepTicked']);
    const ticked = tickChecklistStep(taken(), 3, HANDLER, later(2));
    expect(types(ticked)).toEqual(['checklistStepTicked', 'goalReached']);
    const unticked = untickChecklistStep(ticked.case, 3, HANDLER, later(3));
    expect(types(unticked)).toEqual(['checklistStepUnticked', 'goalReopened']);
    expect(unticked.events[1]).toMatchObject({ deadline: 'policeAppointment' });
  });

  it('the Arbeidsinspectie, a meeting held, the response, a task and closing', () => {
    const warned = recordLabourInspectorateWarned(taken({ injury: ['mental'] }), HANDLER, later(2));
    expect(types(warned)).toEqual(['labourInspectorateWarned', 'goalReached']);
    const met = recordMeetingHeld(taken(), 'incidentMeeting', HANDLER, later(3), later(4));
    expect(types(met)).toEqual(['meetingHeld', 'goalReached']);
    expect(met.events[0]).toMatchObject({ meetingKind: 'incidentMeeting', heldAt: later(3), at: later(4) });
    const responded = recordPerpetratorResponse(taken(), { kind: 'notPossible', reason: 'other', explanation: 'Onvindbaar, zegt de politie.' }, HANDLER, later(5));
    expect(responded.events).toEqual([expect.objectContaining({ type: 'responseRecorded', responseKind: 'notPossible', reason: 'other' })]);
    const closed = closeCase(responded.case, HANDLER, later(6), EVALUATION);
    expect(closed.events).toEqual([expect.objectContaining({ type: 'caseClosed', withApprovedMeasures: false })]);

    const cdk = submitCase(
      { id: 'case-cdk', caseNumber: 'WB-2026-00078', organisationId: 'provincie-utrecht', officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'CdK', role: 'commissarisVanDeKoning' }, report: sampleReport() },
      NOW,
      calendar,
    ).case;
    const done = completeTask(cdk, 'task-1', HANDLER, later(2));
    expect(done.events).toEqual([expect.objectContaining({ type: 'taskCompleted', taskId: 'task-1', role: 'ministerBZK' })]);
  });

  it('a step that changes nothing reports nothing and returns the same case', () => {
    const c = tickChecklistStep(taken(), 2, HANDLER, later(2)).case;
    expect(tickChecklistStep(c, 2, HANDLER, later(3))).toEqual({ case: c, events: [] });
    expect(untickChecklistStep(c, 5, HANDLER, later(3)).events).toEqual([]);
    const warned = recordLabourInspectorateWarned(taken({ injury: ['mental'] }), HANDLER, later(2)).case;
    expect(recordLabourInspectorateWarned(warned, HANDLER, later(3)).case).toBe(warned);
    const met = recordMeetingHeld(taken(), 'incidentMeeting', HANDLER, later(3), later(4)).case;
    expect(recordMeetingHeld(met, 'incidentMeeting', HANDLER, later(3), later(9)).events).toEqual([]);
  });
});

describe('the event schema (the history record)', () => {
  /** Every event one full life of a case produces. */
  function lifeOfACase(): CaseEvent[] {
    const changes: CaseChange[] = [submitted({ injury: ['mental'] })];
    const step = (next: (c: Case) => CaseChange) => changes.push(next(changes.at(-1)!.case));
    step((c) => takeCase(c, HANDLER, later(1)));
    step((c) => tickChecklistStep(c, 3, HANDLER, later(2)));
    step((c) => untickChecklistStep(c, 3, HANDLER, later(3)));
    step((c) => recordLabourInspectorateWarned(c, HANDLER, later(4)));
    step((c) => proposeMeasures(c, HANDLER, [{ kind: 'combinedMeeting' }, { kind: 'restrictiveMeasures', endsAt: later(60 * 24 * 30) }], later(5)));
    step((c) => sendBackProposal(c, OFFICE_HOLDER, 'Graag anders.', later(6)));
    step((c) => proposeMeasures(c, HANDLER, [{ kind: 'writtenWarning' }], later(7)));
    step((c) => agreeToMeasures(c, OFFICE_HOLDER, later(8), 'Prima.'));
    step((c) => approveMeasures(c, HANDLER, later(9)));
    step((c) => recordMeetingHeld(c, 'restorationMeeting', HANDLER, later(10), later(11)));
    step((c) => recordPerpetratorResponse(c, { kind: 'given', summary: 'Brief gestuurd met de waarschuwing.' }, HANDLER, later(12)));
    step((c) => closeCase(c, HANDLER, later(13), EVALUATION));
    return changes.flatMap((change) => change.events);
  }

  it('accepts every event of a case, also read back from JSON, and they never hold the free texts', () => {
    const events = lifeOfACase();
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThanOrEqual(14);
    for (const event of events) {
      const stored: unknown = JSON.parse(JSON.stringify(event));
      expect(caseEventSchema.parse(stored)).toEqual(event);
    }
    const json = JSON.stringify(events);
    for (const text of ['Graag anders.', 'Prima.', 'Brief gestuurd', 'Besluit.', 'Jan Pietersen', 'dreigde']) expect(json).not.toContain(text);
  });

  it('refuses a record with a field the event does not have', () => {
    const [event] = submitted().events;
    expect(caseEventSchema.safeParse({ ...event, comment: 'vrije tekst' }).success).toBe(false);
    expect(caseEventSchema.safeParse({ ...event, type: 'caseDeleted' }).success).toBe(false);
  });
});
