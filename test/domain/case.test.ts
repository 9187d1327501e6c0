import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  closeCase,
  completeTask,
  formatCaseNumber,
  isCaseNumber,
  parseCaseNumber,
  recordPerpetratorResponse,
  sendBackProposal,
  submitCase,
  takeCase,
  transition,
  type Case,
  type CaseStatus,
  type SubmitCaseInput,
} from '../../src/domain/case';
import { DomainError, type DomainErrorCode } from '../../src/domain/errors';
import { PROVINCE_ID } from '../../src/domain/organisations';
import type { IncidentReport } from '../../src/domain/report';
import { WorkingDayCalendar } from '../../src/domain/working-days';

const calendar = new WorkingDayCalendar();
const OFFICE_HOLDER = 'aad-office-holder';
const HANDLER = 'aad-handler';
const COLLEAGUE = 'aad-handler-2';

// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function report(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    incidentAt: '2026-11-29T19:30:00Z',
    place: { mode: 'offline', location: 'Raadhuisplein, na afloop van de raadsvergadering' },
    description: 'Een man schreeuwde dat hij wist waar ik woon en dat ik moest oppassen.',
    level: 4,
    kinds: ['bedreiging', 'intimidatie'],
    perpetrator: { known: false, type: 'persoon', characteristics: 'Man, ongeveer 40 jaar, groene jas' },
    evidence: { files: [] },
    injury: [],
    damage: { propertyDamage: false, absenceFromWork: false },
    criminalOffenceSuspected: 'yes',
    feltHindered: true,
    ...overrides,
  };
}

function input(overrides: Partial<SubmitCaseInput> = {}): SubmitCaseInput {
  return {
    id: 'case-1',
    caseNumber: 'WB-2026-00042',
    organisationId: 'gemeente-utrecht',
    officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test Burgemeester', role: 'burgemeester' },
    report: report(),
    ...overrides,
  };
}

function expectDomainError(action: () => unknown, code: DomainErrorCode): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).userMessage).toMatch(/\S/);
    return error as DomainError;
  }
  throw new Error(`expected DomainError ${code}`);
}

/** Walks a fresh case to the given status along the normal path. */
function caseIn(status: CaseStatus): Case {
  let c = submitCase(input(), NOW, calendar);
  const path: [CaseStatus, string][] = [
    ['inProgress', HANDLER],
    ['measuresProposed', HANDLER],
    ['measuresAgreed', OFFICE_HOLDER],
    ['measuresApproved', HANDLER],
  ];
  for (const [next, by] of path) {
    if (c.status === status) {
      return c;
    }
    c = transition(c, next, by, later(c.statusHistory.length));
  }
  if (status === 'closed') {
    c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Schriftelijke waarschuwing verstuurd.' }, HANDLER, later(10));
    c = closeCase(c, HANDLER, later(11));
  }
  expect(c.status).toBe(status);
  return c;
}

describe('case numbers', () => {
  it('formats and reads back WB-2026-00042', () => {
    expect(formatCaseNumber(2026, 42)).toBe('WB-2026-00042');
    expect(parseCaseNumber('WB-2026-00042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseCaseNumber('  wb-2026-00042 ')).toEqual({ year: 2026, sequence: 42 });
    expect(isCaseNumber('WB-2026-00042')).toBe(true);
  });

  it.each(['WB-2026-42', 'WB-26-00042', 'XX-2026-00042', 'WB-2026-00000', 'WB-2026-000042', ''])('rejects %p', (text) => {
    expect(parseCaseNumber(text)).toBeUndefined();
    expect(isCaseNumber(text)).toBe(false);
  });

  it('refuses a sequence that does not fit five digits', () => {
    expectDomainError(() => formatCaseNumber(2026, 100000), 'CASE.INVALID_CASE_NUMBER');
    expectDomainError(() => formatCaseNumber(2026, 0), 'CASE.INVALID_CASE_NUMBER');
  });
});

describe('submitCase', () => {
  it('registers the report as a submitted case with route, deadlines and history', () => {
    const c = submitCase(input(), NOW, calendar);
    expect(c.status).toBe('submitted');
    expect(c.registeredAt).toEqual(NOW);
    expect(c.statusHistory).toEqual([{ status: 'submitted', at: NOW, byAadObjectId: OFFICE_HOLDER }]);
    expect(c.route.handler).toEqual({ role: 'gemeentesecretaris', organisationId: 'gemeente-utrecht' });
    expect(c.route.informed.map((p) => p.role)).toEqual(['commissarisVanDeKoning', 'griffier']);
    expect(c.tasks).toEqual([]);
    expect(c.measures).toEqual([]);
    expect(c.handler).toBeUndefined();
    // Incident Sunday 20:30 CET; registered Monday 10:00 with a suspected offence, no injury.
    expect(c.deadlines.map((d) => [d.kind, d.dueAt.toISOString()])).toEqual([
      ['policeAppointment', '2026-12-02T16:00:00.000Z'], // Wednesday 17:00 CET
      ['measures', '2026-12-02T19:30:00.000Z'], // Wednesday 20:30 CET
      ['incidentMeeting', '2026-12-02T19:30:00.000Z'],
    ]);
  });

  it('gives the handler a task to inform the Minister of BZK for a report by the CdK', () => {
    const c = submitCase(
      input({
        organisationId: PROVINCE_ID,
        officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test CdK', role: 'commissarisVanDeKoning' },
      }),
      NOW,
      calendar,
    );
    expect(c.route.handler).toEqual({ role: 'provinciesecretaris', organisationId: PROVINCE_ID });
    expect(c.tasks).toEqual([
      {
        id: 'task-1',
        kind: 'informExternalParty',
        role: 'ministerBZK',
        title: 'Informeer de Minister van Binnenlandse Zaken en Koninkrijksrelaties',
        status: 'open',
        createdAt: NOW,
      },
    ]);
  });

  it('adds the Arbeidsinspectie deadline for an injury, and a police deadline when the reporter is unsure', () => {
    const c = submitCase(input({ report: report({ injury: ['mental'], criminalOffenceSuspected: 'unsure' }) }), NOW, calendar);
    expect(c.deadlines.map((d) => d.kind)).toEqual(expect.arrayContaining(['labourInspectorate', 'policeAppointment']));
    // 24 hours after Sunday 20:30 CET has not yet passed at Monday 10:00.
    expect(c.deadlines.find((d) => d.kind === 'labourInspectorate')?.overdueAtRegistration).toBe(false);
  });

  it('has no police deadline when no offence is suspected below physical violence', () => {
    const c = submitCase(input({ report: report({ criminalOffenceSuspected: 'no', level: 3 }) }), NOW, calendar);
    expect(c.deadlines.map((d) => d.kind)).toEqual(['measures', 'incidentMeeting']);
  });

  it('refuses a role that does not exist in the organisation', () => {
    expectDomainError(
      () => submitCase(input({ organisationId: 'hdsr' }), NOW, calendar),
      'ROUTING.ROLE_NOT_IN_ORGANISATION',
    );
  });

  it('refuses an invalid report without echoing its content', () => {
    const error = expectDomainError(
      () => submitCase(input({ report: { ...report(), kinds: [], description: 'geheim' } }), NOW, calendar),
      'REPORT.INVALID',
    );
    expect(error.message).toContain('kinds');
    expect(error.message).not.toContain('geheim');
  });

  it('refuses an incident in the future and a malformed case number', () => {
    expectDomainError(
      () => submitCase(input({ report: report({ incidentAt: '2026-11-30T10:00:00Z' }) }), NOW, calendar),
      'REPORT.INCIDENT_IN_FUTURE',
    );
    expectDomainError(() => submitCase(input({ caseNumber: 'WB-2026-42' }), NOW, calendar), 'CASE.INVALID_CASE_NUMBER');
  });
});

describe('status transitions', () => {
  it.each(CASE_TRANSITIONS.map((rule) => [rule.from, rule.to, rule.actor, rule.requires ?? 'nothing'] as const))(
    '%s → %s by the %s (requires %s)',
    (from, to, actor, requires) => {
      let c = caseIn(from);
      if (requires === 'anyResponse') {
        c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Incidentgesprek gevoerd.' }, HANDLER, later(20));
      }
      if (requires === 'noResponsePossible') {
        c = recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, later(20));
      }
      const by = actor === 'officeHolder' ? OFFICE_HOLDER : HANDLER;
      const options = requires === 'comment' ? { comment: 'Liever eerst een incidentgesprek.' } : {};
      const next = transition(c, to, by, later(30), options);
      expect(next.status).toBe(to);
      expect(next.statusHistory.at(-1)).toEqual({ status: to, at: later(30), byAadObjectId: by, ...options });
      expect(next.statusHistory).toHaveLength(c.statusHistory.length + 1);
      // The case is immutable: the original is unchanged.
      expect(c.status).toBe(from);
    },
  );

  it.each([
    ['submitted', 'measuresProposed'],
    ['submitted', 'closed'],
    ['inProgress', 'measuresAgreed'],
    ['inProgress', 'measuresApproved'],
    ['measuresProposed', 'measuresApproved'],
    ['measuresProposed', 'closed'],
    ['measuresAgreed', 'closed'],
    ['measuresAgreed', 'inProgress'],
    ['measuresApproved', 'inProgress'],
    ['inProgress', 'submitted'],
  ] as [CaseStatus, CaseStatus][])('refuses %s → %s', (from, to) => {
    const c = caseIn(from);
    const error = expectDomainError(() => transition(c, to, HANDLER, later(30)), 'CASE.INVALID_TRANSITION');
    expect(error.userMessage).toContain('kan niet naar');
  });

  it('refuses every step out of a closed case', () => {
    const c = caseIn('closed');
    for (const to of CASE_STATUSES) {
      expectDomainError(() => transition(c, to, HANDLER, later(30)), 'CASE.CLOSED');
    }
  });

  it('lets only the office holder agree to or send back a proposal', () => {
    const c = caseIn('measuresProposed');
    expectDomainError(() => transition(c, 'measuresAgreed', HANDLER, later(30)), 'CASE.NOT_ALLOWED');
    expectDomainError(() => sendBackProposal(c, HANDLER, 'Nee', later(30)), 'CASE.NOT_ALLOWED');
  });

  it('never lets the office holder handle their own case', () => {
    expectDomainError(() => takeCase(caseIn('submitted'), OFFICE_HOLDER, later(1)), 'CASE.NOT_ALLOWED');
    expectDomainError(() => transition(caseIn('inProgress'), 'measuresProposed', OFFICE_HOLDER, later(30)), 'CASE.NOT_ALLOWED');
  });

  it('records the full status history in order', () => {
    const c = caseIn('closed');
    expect(c.statusHistory.map((h) => [h.status, h.byAadObjectId])).toEqual([
      ['submitted', OFFICE_HOLDER],
      ['inProgress', HANDLER],
      ['measuresProposed', HANDLER],
      ['measuresAgreed', OFFICE_HOLDER],
      ['measuresApproved', HANDLER],
      ['closed', HANDLER],
    ]);
    const times = c.statusHistory.map((h) => h.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('takeCase', () => {
  it('assigns the handler and moves the case in progress', () => {
    const c = takeCase(caseIn('submitted'), HANDLER, later(5));
    expect(c.status).toBe('inProgress');
    expect(c.handler).toEqual({ aadObjectId: HANDLER, takenAt: later(5) });
  });

  it('tells a second handler the case is already taken', () => {
    const c = takeCase(caseIn('submitted'), HANDLER, later(5));
    expectDomainError(() => takeCase(c, COLLEAGUE, later(6)), 'CASE.ALREADY_TAKEN');
    expectDomainError(() => takeCase(caseIn('closed'), COLLEAGUE, later(6)), 'CASE.CLOSED');
  });
});

describe('sending a proposal back', () => {
  it('returns the case to the handler with the comment in the history', () => {
    const c = sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, '  Ik wil eerst een gesprek.  ', later(30));
    expect(c.status).toBe('inProgress');
    expect(c.statusHistory.at(-1)).toEqual({
      status: 'inProgress',
      at: later(30),
      byAadObjectId: OFFICE_HOLDER,
      comment: 'Ik wil eerst een gesprek.',
    });
  });

  it('needs a comment', () => {
    expectDomainError(() => sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, '   ', later(30)), 'CASE.COMMENT_REQUIRED');
    expectDomainError(() => transition(caseIn('measuresProposed'), 'inProgress', OFFICE_HOLDER, later(30)), 'CASE.COMMENT_REQUIRED');
  });

  it('refuses a comment that is too long instead of cutting it', () => {
    expectDomainError(
      () => sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, 'x'.repeat(2001), later(30)),
      'CASE.TEXT_TOO_LONG',
    );
  });

  it('is only possible while a proposal is waiting', () => {
    expectDomainError(() => sendBackProposal(caseIn('inProgress'), OFFICE_HOLDER, 'Nee', later(30)), 'CASE.INVALID_TRANSITION');
  });
});

describe('closing (basisafspraak: always a response towards the perpetrator)', () => {
  it('fails without a recorded response', () => {
    expectDomainError(() => closeCase(caseIn('measuresApproved'), HANDLER, later(30)), 'CASE.RESPONSE_REQUIRED');
    expectDomainError(() => closeCase(caseIn('inProgress'), HANDLER, later(30)), 'CASE.RESPONSE_REQUIRED');
  });

  it('closes after approved measures with the response recorded', () => {
    let c = caseIn('measuresApproved');
    c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Incidentgesprek gevoerd op 2 december.' }, COLLEAGUE, later(40));
    expect(c.perpetratorResponse).toEqual({
      kind: 'given',
      summary: 'Incidentgesprek gevoerd op 2 december.',
      recordedAt: later(40),
      recordedByAadObjectId: COLLEAGUE,
    });
    expect(closeCase(c, HANDLER, later(41)).status).toBe('closed');
  });

  it('closes without measures only with a reason why no response was possible', () => {
    const inProgress = caseIn('inProgress');
    const given = recordPerpetratorResponse(inProgress, { kind: 'given', summary: 'Waarschuwing' }, HANDLER, later(40));
    expectDomainError(() => closeCase(given, HANDLER, later(41)), 'CASE.RESPONSE_REQUIRED');

    const unknown = recordPerpetratorResponse(inProgress, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, later(40));
    const closed = closeCase(unknown, HANDLER, later(41));
    expect(closed.status).toBe('closed');
    expect(closed.perpetratorResponse).toMatchObject({ kind: 'notPossible', reason: 'perpetratorUnknown' });
  });

  it('needs an explanation for "other" reasons and a summary for a given response', () => {
    const c = caseIn('inProgress');
    expectDomainError(() => recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'other' }, HANDLER, later(40)), 'CASE.RESPONSE_INVALID');
    expectDomainError(() => recordPerpetratorResponse(c, { kind: 'given', summary: ' ' }, HANDLER, later(40)), 'CASE.RESPONSE_INVALID');
  });

  it('takes no response before the case is taken, from the office holder, or after closing', () => {
    const response = { kind: 'given', summary: 'Brief' } as const;
    expectDomainError(() => recordPerpetratorResponse(caseIn('submitted'), response, HANDLER, later(40)), 'CASE.INVALID_TRANSITION');
    expectDomainError(() => recordPerpetratorResponse(caseIn('inProgress'), response, OFFICE_HOLDER, later(40)), 'CASE.NOT_ALLOWED');
    expectDomainError(() => recordPerpetratorResponse(caseIn('closed'), response, HANDLER, later(40)), 'CASE.CLOSED');
  });
});

describe('tasks', () => {
  const cdkCase = () =>
    submitCase(
      input({ organisationId: PROVINCE_ID, officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test CdK', role: 'commissarisVanDeKoning' } }),
      NOW,
      calendar,
    );

  it('marks the Minister of BZK task done once, by a handler', () => {
    const done = completeTask(cdkCase(), 'task-1', HANDLER, later(15));
    expect(done.tasks[0]).toMatchObject({ status: 'done', completedAt: later(15), completedByAadObjectId: HANDLER });
    expect(completeTask(done, 'task-1', COLLEAGUE, later(20))).toBe(done);
  });

  it('refuses an unknown task and the office holder', () => {
    expectDomainError(() => completeTask(cdkCase(), 'task-9', HANDLER, later(15)), 'CASE.TASK_NOT_FOUND');
    expectDomainError(() => completeTask(cdkCase(), 'task-1', OFFICE_HOLDER, later(15)), 'CASE.NOT_ALLOWED');
  });
});
