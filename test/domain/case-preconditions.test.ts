import {
  agreeToMeasures,
  allowedCommands,
  applyCommand,
  approveMeasures,
  CASE_COMMAND_KINDS,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  closeCase,
  commandActor,
  proposeMeasures,
  recordPerpetratorResponse,
  submitCase,
  takeCase,
  type Case,
  type CaseCommand,
  type CaseCommandKind,
  type CaseStatus,
} from '../../src/domain/case';
import { DomainError } from '../../src/domain/errors';
import { sampleReport } from '../support/sample-report';
import { calendar, EVALUATION, HANDLER, later, NOW, OFFICE_HOLDER } from '../support/case-moments';

const STATENGRIFFIER = 'aad-statengriffier';

/** A case with a police checklist, the Arbeidsinspectie deadline and a task, walked to `status`. */
function caseIn(status: CaseStatus): Case {
  let c = submitCase(
    {
      id: 'case-pre',
      caseNumber: 'WB-2026-00080',
      organisationId: 'provincie-utrecht',
      officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'CdK', role: 'commissarisVanDeKoning' },
      report: sampleReport({ criminalOffenceSuspected: 'yes', injury: ['physical'] }),
    },
    NOW,
    calendar,
  ).case;
  const path: ((c: Case) => Case)[] = [
    (x) => takeCase(x, HANDLER, later(1)).case,
    (x) => proposeMeasures(x, HANDLER, [{ kind: 'writtenWarning' }], later(2)).case,
    (x) => agreeToMeasures(x, OFFICE_HOLDER, later(3)).case,
    (x) => approveMeasures(x, HANDLER, later(4)).case,
    (x) => closeCase(recordPerpetratorResponse(x, { kind: 'given', summary: 'Brief.' }, HANDLER, later(5)).case, HANDLER, later(6), EVALUATION).case,
  ];
  for (const step of path) {
    if (c.status === status) return c;
    c = step(c);
  }
  return c;
}

/** A command of each kind with valid input, as a card would send it. */
const VALID: Readonly<Record<CaseCommandKind, CaseCommand>> = {
  take: { kind: 'take' },
  proposeMeasures: { kind: 'proposeMeasures', items: [{ kind: 'aftercare' }] },
  agreeMeasures: { kind: 'agreeMeasures' },
  sendBackMeasures: { kind: 'sendBackMeasures', comment: 'Graag anders.' },
  approveMeasures: { kind: 'approveMeasures' },
  tickChecklistStep: { kind: 'tickChecklistStep', step: 2 },
  untickChecklistStep: { kind: 'untickChecklistStep', step: 2 },
  setChecklist: { kind: 'setChecklist', ticked: [1, 2] },
  completePoliceForm: { kind: 'completePoliceForm', completions: { waarmee: 'Met een fles.' } },
  recordInspectorateWarned: { kind: 'recordInspectorateWarned' },
  recordMeetingHeld: { kind: 'recordMeetingHeld', meetingKind: 'incidentMeeting', heldAt: later(1) },
  recordResponse: { kind: 'recordResponse', response: { kind: 'notPossible', reason: 'perpetratorUnknown' } },
  completeTask: { kind: 'completeTask', taskId: 'task-1' },
  close: { kind: 'close', evaluation: EVALUATION },
  recordPoliceReport: { kind: 'recordPoliceReport', record: { kind: 'aangifte', madeAt: later(20), judgement: 'notPunishable' } },
  adjustRestrictions: { kind: 'adjustRestrictions', adjustment: { endsAt: later(60 * 24 * 30) } },
  recordRestrictionsConfirmed: { kind: 'recordRestrictionsConfirmed', sentOn: later(20) },
  recordMeetingReport: { kind: 'recordMeetingReport', report: { text: 'Gesprek gevoerd; afspraken gemaakt.', shareableWithPerpetrator: true } },
  addInformed: { kind: 'addInformed', aadObjectId: STATENGRIFFIER },
  removeInformed: { kind: 'removeInformed', aadObjectId: STATENGRIFFIER },
  involveCoordinator: { kind: 'involveCoordinator' },
};

/** The directory as the informed-people commands see it: one statengriffier who can be added. */
const DIRECTORY = {
  informedPeople: () => [],
  informedMembers: (organisationId: string) => (organisationId === 'provincie-utrecht' ? [{ aadObjectId: STATENGRIFFIER, name: 'Statengriffier', role: 'statengriffier' as const }] : []),
};
const CONTEXT = { calendar, directory: DIRECTORY };

describe('allowedCommands: what a card offers is exactly what the server accepts', () => {
  const cases = CASE_STATUSES.flatMap((status) => {
    const c = caseIn(status);
    // Also with the response "none possible" recorded, which opens closing before measures.
    const withNoResponse = c.status === 'inProgress' ? [recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, later(5)).case] : [];
    return [c, ...withNoResponse];
  });

  it.each(cases.flatMap((c) => CASE_COMMAND_KINDS.map((kind) => [c.status, c.perpetratorResponse?.kind ?? 'no response', kind, c] as const)))(
    '%s (%s): %s',
    (_status, _response, kind, c) => {
      const by = commandActor(kind) === 'officeHolder' ? OFFICE_HOLDER : HANDLER;
      const allowed = allowedCommands(c, commandActor(kind)).has(kind);
      const attempt = () => applyCommand(c, by, VALID[kind], later(30), CONTEXT);
      if (allowed) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(DomainError);
    },
  );

  it('offers the office holder only the answers to a proposal, and a stranger nothing', () => {
    expect([...allowedCommands(caseIn('measuresProposed'), 'officeHolder')].sort()).toEqual(['agreeMeasures', 'sendBackMeasures']);
    expect(allowedCommands(caseIn('inProgress'), 'officeHolder').size).toBe(0);
    for (const status of CASE_STATUSES) expect(allowedCommands(caseIn(status), 'none').size).toBe(0);
  });

  it('offers nothing on a closed case', () => {
    expect(allowedCommands(caseIn('closed'), 'handler').size).toBe(0);
  });

  it('names the same actor for a command as the transition table does for its step', () => {
    const stepOf: Partial<Record<CaseCommandKind, [CaseStatus, CaseStatus]>> = {
      take: ['submitted', 'inProgress'],
      proposeMeasures: ['inProgress', 'measuresProposed'],
      agreeMeasures: ['measuresProposed', 'measuresAgreed'],
      sendBackMeasures: ['measuresProposed', 'inProgress'],
      approveMeasures: ['measuresAgreed', 'measuresApproved'],
      close: ['measuresApproved', 'closed'],
    };
    for (const [kind, [from, to]] of Object.entries(stepOf) as [CaseCommandKind, [CaseStatus, CaseStatus]][]) {
      expect(CASE_TRANSITIONS.find((rule) => rule.from === from && rule.to === to)?.actor).toBe(commandActor(kind));
    }
  });
});
