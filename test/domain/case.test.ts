import {
  agreeToMeasures,
  approveMeasures,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  closeCase,
  completeTask,
  EVALUATION_LABELS,
  EVALUATION_QUESTIONS,
  formatCaseNumber,
  isCaseNumber,
  noIncidentMeetingDeadlineReason,
  parseCaseNumber,
  proposeMeasures,
  recordLabourInspectorateWarned,
  recordMeetingHeld,
  recordPerpetratorResponse,
  sendBackProposal,
  submitCase,
  takeCase,
  transition,
  type Case,
  type CaseStatus,
  type EvaluationInput,
  type MeasureInput,
  type SubmitCaseInput,
} from '../../src/domain/case';
import { DomainError, type DomainErrorCode } from '../../src/domain/errors';
import { PROVINCE_ID } from '../../src/domain/organisations';
import type { IncidentReport } from '../../src/domain/report';
import { tickChecklistStep } from '../../src/domain/police-checklist';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { userMessageOf } from '../../src/copy/errors.copy';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const OFFICE_HOLDER = 'aad-office-holder';
const HANDLER = 'aad-handler';
const COLLEAGUE = 'aad-handler-2';

// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
// Monday 21 December 2026, 12:00 CET: three weeks on, when restrictions could end.
const IN_THREE_WEEKS = new Date('2026-12-21T11:00:00Z');

const PROPOSAL: MeasureInput[] = [{ kind: 'writtenWarning', description: 'Brief namens de gemeentesecretaris.' }, { kind: 'aftercare' }];
const EVALUATION: EvaluationInput = {
  riskAssessment: 'Ernstig; herhaling is niet uitgesloten.',
  causeAnalysis: 'Onvrede over een besluit over de parkeervergunning.',
  trendAnalysis: 'Tweede incident na een raadsvergadering dit jaar.',
  improvements: 'Beveiliging aanwezig bij raadsvergaderingen.',
};

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

/** The reporter knows who did it: the only kind of case that can get the incidentgesprek deadline. */
const KNOWN = { known: true, type: 'persoon', name: 'Jan Pietersen' } as const;

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

const KNOWN_PERPETRATOR = input({ report: report({ perpetrator: KNOWN }) });

function expectDomainError(action: () => unknown, code: DomainErrorCode): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect(userMessageOf(error as DomainError)).toMatch(/\S/);
    return error as DomainError;
  }
  throw new Error(`expected DomainError ${code}`);
}

/** Walks a fresh case to the given status along the normal path, one minute per step. */
function caseIn(status: CaseStatus, submitted: SubmitCaseInput = input()): Case {
  const path: ((c: Case) => Case)[] = [
    (c) => takeCase(c, HANDLER, later(1)).case,
    (c) => proposeMeasures(c, HANDLER, PROPOSAL, later(2)).case,
    (c) => agreeToMeasures(c, OFFICE_HOLDER, later(3)).case,
    (c) => approveMeasures(c, HANDLER, later(4)).case,
    (c) => closeCase(recordPerpetratorResponse(c, { kind: 'given', summary: 'Schriftelijke waarschuwing verstuurd.' }, HANDLER, later(10)).case, HANDLER, later(11), EVALUATION).case,
  ];
  let c = submitCase(submitted, NOW, calendar).case;
  for (const step of path) {
    if (c.status === status) {
      return c;
    }
    c = step(c);
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
    const c = submitCase(input(), NOW, calendar).case;
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
    ).case;
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
    const c = submitCase(input({ report: report({ injury: ['mental'], criminalOffenceSuspected: 'unsure' }) }), NOW, calendar).case;
    expect(c.deadlines.map((d) => d.kind)).toEqual(expect.arrayContaining(['labourInspectorate', 'policeAppointment']));
    // 24 hours after Sunday 20:30 CET has not yet passed at Monday 10:00.
    expect(c.deadlines.find((d) => d.kind === 'labourInspectorate')?.overdueWhenSet).toBe(false);
  });

  it('has no police deadline when no offence is suspected below physical violence', () => {
    const c = submitCase(input({ report: report({ criminalOffenceSuspected: 'no', level: 3 }) }), NOW, calendar).case;
    expect(c.deadlines.map((d) => d.kind)).toEqual(['measures']);
  });

  it('refuses a role that does not exist in the organisation', () => {
    expectDomainError(
      () => submitCase(input({ organisationId: 'hdsr' }), NOW, calendar).case,
      'ROUTING.ROLE_NOT_IN_ORGANISATION',
    );
  });

  it('refuses an invalid report without echoing its content', () => {
    const error = expectDomainError(
      () => submitCase(input({ report: { ...report(), kinds: [], description: 'geheim' } }), NOW, calendar).case,
      'REPORT.INVALID',
    );
    expect(error.message).toContain('kinds');
    expect(error.message).not.toContain('geheim');
  });

  it('refuses an incident in the future and a malformed case number', () => {
    expectDomainError(
      () => submitCase(input({ report: report({ incidentAt: '2026-11-30T10:00:00Z' }) }), NOW, calendar).case,
      'REPORT.INCIDENT_IN_FUTURE',
    );
    expectDomainError(() => submitCase(input({ caseNumber: 'WB-2026-42' }), NOW, calendar).case, 'CASE.INVALID_CASE_NUMBER');
  });
});

describe('status transitions', () => {
  it.each(CASE_TRANSITIONS.map((rule) => [rule.from, rule.to, rule.actor, (rule.requires ?? []).join(' + ') || 'nothing'] as const))(
    '%s → %s by the %s (requires %s)',
    (from, to, actor, requires) => {
      let c = caseIn(from);
      if (requires.includes('measures')) {
        // A proposal that was sent back is on the case again: it can be proposed once more as it is.
        c = sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, 'Graag aanpassen.', later(20)).case;
      }
      if (requires.includes('anyResponse')) {
        c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Incidentgesprek gevoerd.' }, HANDLER, later(20)).case;
      }
      if (requires.includes('noResponsePossible')) {
        c = recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, later(20)).case;
      }
      const by = actor === 'officeHolder' ? OFFICE_HOLDER : HANDLER;
      const comment = requires.includes('comment') ? { comment: 'Liever eerst een incidentgesprek.' } : {};
      const evaluation = requires.includes('evaluation') ? { evaluation: EVALUATION } : {};
      const next = transition(c, to, by, later(30), { ...comment, ...evaluation }).case;
      expect(next.status).toBe(to);
      expect(next.statusHistory.at(-1)).toEqual({ status: to, at: later(30), byAadObjectId: by, ...comment });
      expect(next.statusHistory).toHaveLength(c.statusHistory.length + 1);
      // The case is immutable: the original is unchanged.
      expect(c.status).toBe(from);
    },
  );

  it.each([
    ['a proposal without measures', 'inProgress', 'measuresProposed', {}, 'CASE.MEASURES_REQUIRED'],
    ['closing without an evaluation', 'inProgress', 'closed', {}, 'CASE.EVALUATION_REQUIRED'],
  ] as const)('refuses %s through a direct transition', (_what, from, to, options, code) => {
    let c = caseIn(from);
    c = recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, later(20)).case;
    expectDomainError(() => transition(c, to, HANDLER, later(30), options).case, code);
  });

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
    const error = expectDomainError(() => transition(c, to, HANDLER, later(30)).case, 'CASE.INVALID_TRANSITION');
    expect(userMessageOf(error)).toContain('kan niet naar');
  });

  it('refuses every step out of a closed case', () => {
    const c = caseIn('closed');
    for (const to of CASE_STATUSES) {
      expectDomainError(() => transition(c, to, HANDLER, later(30)).case, 'CASE.CLOSED');
    }
  });

  it('lets only the office holder agree to or send back a proposal', () => {
    const c = caseIn('measuresProposed');
    expectDomainError(() => transition(c, 'measuresAgreed', HANDLER, later(30)).case, 'CASE.NOT_ALLOWED');
    expectDomainError(() => sendBackProposal(c, HANDLER, 'Nee', later(30)).case, 'CASE.NOT_ALLOWED');
  });

  it('never lets the office holder handle their own case', () => {
    expectDomainError(() => takeCase(caseIn('submitted'), OFFICE_HOLDER, later(1)).case, 'CASE.NOT_ALLOWED');
    expectDomainError(() => transition(caseIn('inProgress'), 'measuresProposed', OFFICE_HOLDER, later(30)).case, 'CASE.NOT_ALLOWED');
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
    const c = takeCase(caseIn('submitted'), HANDLER, later(5)).case;
    expect(c.status).toBe('inProgress');
    expect(c.handler).toEqual({ aadObjectId: HANDLER, takenAt: later(5) });
  });

  it('tells a second handler the case is already taken', () => {
    const c = takeCase(caseIn('submitted'), HANDLER, later(5)).case;
    expectDomainError(() => takeCase(c, COLLEAGUE, later(6)).case, 'CASE.ALREADY_TAKEN');
    expectDomainError(() => takeCase(caseIn('closed'), COLLEAGUE, later(6)).case, 'CASE.CLOSED');
  });
});

describe('sending a proposal back', () => {
  it('returns the case to the handler with the comment in the history', () => {
    const c = sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, '  Ik wil eerst een gesprek.  ', later(30)).case;
    expect(c.status).toBe('inProgress');
    expect(c.statusHistory.at(-1)).toEqual({
      status: 'inProgress',
      at: later(30),
      byAadObjectId: OFFICE_HOLDER,
      comment: 'Ik wil eerst een gesprek.',
    });
  });

  it('needs a comment', () => {
    expectDomainError(() => sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, '   ', later(30)).case, 'CASE.COMMENT_REQUIRED');
    expectDomainError(() => transition(caseIn('measuresProposed'), 'inProgress', OFFICE_HOLDER, later(30)).case, 'CASE.COMMENT_REQUIRED');
  });

  it('refuses a comment that is too long instead of cutting it', () => {
    expectDomainError(
      () => sendBackProposal(caseIn('measuresProposed'), OFFICE_HOLDER, 'x'.repeat(2001), later(30)).case,
      'CASE.TEXT_TOO_LONG',
    );
  });

  it('is only possible while a proposal is waiting', () => {
    expectDomainError(() => sendBackProposal(caseIn('inProgress'), OFFICE_HOLDER, 'Nee', later(30)).case, 'CASE.INVALID_TRANSITION');
  });
});

describe('closing (basisafspraak: always a response towards the perpetrator)', () => {
  it('fails without a recorded response', () => {
    expectDomainError(() => closeCase(caseIn('measuresApproved'), HANDLER, later(30), EVALUATION).case, 'CASE.RESPONSE_REQUIRED');
    expectDomainError(() => closeCase(caseIn('inProgress'), HANDLER, later(30), EVALUATION).case, 'CASE.RESPONSE_REQUIRED');
  });

  it('closes after approved measures with the response recorded', () => {
    let c = caseIn('measuresApproved');
    c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Incidentgesprek gevoerd op 2 december.' }, COLLEAGUE, later(40)).case;
    expect(c.perpetratorResponse).toEqual({
      kind: 'given',
      summary: 'Incidentgesprek gevoerd op 2 december.',
      recordedAt: later(40),
      recordedByAadObjectId: COLLEAGUE,
    });
    expect(closeCase(c, HANDLER, later(41), EVALUATION).case.status).toBe('closed');
  });

  it('closes without measures only with a reason why no response was possible', () => {
    const inProgress = caseIn('inProgress');
    const given = recordPerpetratorResponse(inProgress, { kind: 'given', summary: 'Waarschuwing' }, HANDLER, later(40)).case;
    expectDomainError(() => closeCase(given, HANDLER, later(41), EVALUATION).case, 'CASE.RESPONSE_REQUIRED');

    const unknown = recordPerpetratorResponse(inProgress, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, later(40)).case;
    const closed = closeCase(unknown, HANDLER, later(41), EVALUATION).case;
    expect(closed.status).toBe('closed');
    expect(closed.perpetratorResponse).toMatchObject({ kind: 'notPossible', reason: 'perpetratorUnknown' });
  });

  it('needs an explanation for "other" reasons and a summary for a given response', () => {
    const c = caseIn('inProgress');
    expectDomainError(() => recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'other' }, HANDLER, later(40)).case, 'CASE.RESPONSE_INVALID');
    expectDomainError(() => recordPerpetratorResponse(c, { kind: 'given', summary: ' ' }, HANDLER, later(40)).case, 'CASE.RESPONSE_INVALID');
  });

  it('takes no response before the case is taken, from the office holder, or after closing', () => {
    const response = { kind: 'given', summary: 'Brief' } as const;
    expectDomainError(() => recordPerpetratorResponse(caseIn('submitted'), response, HANDLER, later(40)).case, 'CASE.INVALID_TRANSITION');
    expectDomainError(() => recordPerpetratorResponse(caseIn('inProgress'), response, OFFICE_HOLDER, later(40)).case, 'CASE.NOT_ALLOWED');
    expectDomainError(() => recordPerpetratorResponse(caseIn('closed'), response, HANDLER, later(40)).case, 'CASE.CLOSED');
  });
});

describe('tasks', () => {
  const cdkCase = () =>
    submitCase(
      input({ organisationId: PROVINCE_ID, officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test CdK', role: 'commissarisVanDeKoning' } }),
      NOW,
      calendar,
    ).case;

  it('marks the Minister of BZK task done once, by a handler', () => {
    const done = completeTask(cdkCase(), 'task-1', HANDLER, later(15)).case;
    expect(done.tasks[0]).toMatchObject({ status: 'done', completedAt: later(15), completedByAadObjectId: HANDLER });
    expect(completeTask(done, 'task-1', COLLEAGUE, later(20)).case).toBe(done);
  });

  it('refuses an unknown task and the office holder', () => {
    expectDomainError(() => completeTask(cdkCase(), 'task-9', HANDLER, later(15)).case, 'CASE.TASK_NOT_FOUND');
    expectDomainError(() => completeTask(cdkCase(), 'task-1', OFFICE_HOLDER, later(15)).case, 'CASE.NOT_ALLOWED');
  });
});

describe('proposing measures', () => {
  it('puts the proposal before the office holder, with ids, trimmed descriptions and history', () => {
    const c = proposeMeasures(
      caseIn('inProgress'),
      COLLEAGUE,
      [{ kind: 'combinedMeeting', description: '  Gesprek op het stadhuis.  ' }, { kind: 'aftercare', description: '   ' }],
      later(5),
    ).case;
    expect(c.status).toBe('measuresProposed');
    expect(c.measures).toEqual([
      { id: 'm1-1', kind: 'combinedMeeting', status: 'proposed', description: 'Gesprek op het stadhuis.' },
      { id: 'm1-2', kind: 'aftercare', status: 'proposed' },
    ]);
    expect(c.measureHistory).toEqual([{ action: 'proposed', at: later(5), byAadObjectId: COLLEAGUE, measures: c.measures }]);
    expect(c.deadlines.map((d) => d.kind)).not.toContain('restorationMeeting');
    expect(c.goalReachedAt).toEqual({});
  });

  it('sets the herstelgesprek deadline at the end of restrictive measures, in due order', () => {
    const c = proposeMeasures(
      caseIn('inProgress', KNOWN_PERPETRATOR),
      HANDLER,
      [{ kind: 'incidentMeeting' }, { kind: 'restrictiveMeasures', description: 'Alleen contact via de griffie.', endsAt: IN_THREE_WEEKS }],
      later(5),
    ).case;
    expect(c.measures[1]).toEqual({
      id: 'm1-2',
      kind: 'restrictiveMeasures',
      status: 'proposed',
      description: 'Alleen contact via de griffie.',
      endsAt: IN_THREE_WEEKS,
    });
    expect(c.deadlines.map((d) => [d.kind, d.dueAt.toISOString(), d.setAt.toISOString(), d.overdueWhenSet])).toEqual([
      ['policeAppointment', '2026-12-02T16:00:00.000Z', NOW.toISOString(), false],
      ['measures', '2026-12-02T19:30:00.000Z', NOW.toISOString(), false],
      ['incidentMeeting', '2026-12-02T19:30:00.000Z', later(5).toISOString(), false],
      ['restorationMeeting', '2026-12-21T11:00:00.000Z', later(5).toISOString(), false],
    ]);
  });

  it.each<[string, MeasureInput[], string]>([
    ['no measures', [], 'CASE.MEASURES_REQUIRED'],
    ['the same kind twice', [{ kind: 'aftercare' }, { kind: 'aftercare' }], 'CASE.MEASURE_DUPLICATE'],
    ['restrictive measures without an end date', [{ kind: 'restrictiveMeasures' }], 'CASE.MEASURE_END_REQUIRED'],
    ['restrictive measures ending in the past', [{ kind: 'restrictiveMeasures', endsAt: new Date('2026-11-29T12:00:00Z') }], 'CASE.MEASURE_END_IN_PAST'],
    ['restrictive measures ending right now', [{ kind: 'restrictiveMeasures', endsAt: later(5) }], 'CASE.MEASURE_END_IN_PAST'],
    ['an end date on a written warning', [{ kind: 'writtenWarning', endsAt: IN_THREE_WEEKS }], 'CASE.MEASURE_END_NOT_APPLICABLE'],
    ['a description over 2000 characters', [{ kind: 'writtenWarning', description: 'x'.repeat(2001) }], 'CASE.TEXT_TOO_LONG'],
  ])('refuses %s', (_what, items, code) => {
    const error = expectDomainError(() => proposeMeasures(caseIn('inProgress'), HANDLER, items, later(5)).case, code as DomainErrorCode);
    if (code === 'CASE.TEXT_TOO_LONG') {
      expect(userMessageOf(error)).toContain('Schriftelijke waarschuwing');
    }
  });

  it.each<[CaseStatus, DomainErrorCode]>([
    ['submitted', 'CASE.INVALID_TRANSITION'],
    ['measuresProposed', 'CASE.INVALID_TRANSITION'],
    ['measuresAgreed', 'CASE.INVALID_TRANSITION'],
    ['measuresApproved', 'CASE.INVALID_TRANSITION'],
    ['closed', 'CASE.CLOSED'],
  ])('is refused from %s, whatever the items', (status, code) => {
    expectDomainError(() => proposeMeasures(caseIn(status), HANDLER, [], later(20)).case, code);
  });

  it('is refused to the office holder', () => {
    expectDomainError(() => proposeMeasures(caseIn('inProgress'), OFFICE_HOLDER, PROPOSAL, later(5)).case, 'CASE.NOT_ALLOWED');
  });

  it('can be proposed again after being sent back; every version and the comment stay in the history', () => {
    const first = proposeMeasures(
      caseIn('inProgress'),
      HANDLER,
      [{ kind: 'restrictiveMeasures', endsAt: IN_THREE_WEEKS }, { kind: 'aftercare' }],
      later(5),
    ).case;
    const sentBack = sendBackProposal(first, OFFICE_HOLDER, 'Ik wil geen contactverbod, wel een gesprek.', later(6)).case;
    expect(sentBack.status).toBe('inProgress');
    // The rejected proposal stays on the case so the handler can adjust it.
    expect(sentBack.measures).toEqual(first.measures);

    const second = proposeMeasures(sentBack, HANDLER, [{ kind: 'combinedMeeting' }, { kind: 'aftercare' }], later(7)).case;
    expect(second.status).toBe('measuresProposed');
    expect(second.measures.map((m) => [m.id, m.kind])).toEqual([
      ['m2-1', 'combinedMeeting'],
      ['m2-2', 'aftercare'],
    ]);
    expect(second.measureHistory.map((e) => [e.action, e.byAadObjectId, e.comment])).toEqual([
      ['proposed', HANDLER, undefined],
      ['sentBack', OFFICE_HOLDER, 'Ik wil geen contactverbod, wel een gesprek.'],
      ['proposed', HANDLER, undefined],
    ]);
    expect(second.measureHistory[0].measures?.map((m) => m.kind)).toEqual(['restrictiveMeasures', 'aftercare']);
    // No restrictions any more, so no herstelgesprek deadline from the first proposal.
    expect(first.deadlines.map((d) => d.kind)).toContain('restorationMeeting');
    expect(second.deadlines.map((d) => d.kind)).not.toContain('restorationMeeting');
  });

  it('brings the police checklist when a melding or aangifte is proposed on a case without one', () => {
    const noOffence = input({ report: report({ criminalOffenceSuspected: 'no', level: 3 }) });
    const c = caseIn('inProgress', noOffence);
    expect(c.policeChecklist).toBeUndefined();
    const proposed = proposeMeasures(c, HANDLER, [{ kind: 'policeReport' }], later(5), { calendar }).case;
    expect(proposed.policeChecklist).toEqual({ ticks: [] });
  });
});

describe('the incidentgesprek deadline follows the measures (domain.md "Deadlines")', () => {
  const UNKNOWN_PERPETRATOR = input();
  const kinds = (c: Case) => c.deadlines.map((d) => d.kind);

  // Each row: the guide's sentence, who the perpetrator is, what is proposed, and whether the 72 hours apply.
  it.each<[string, SubmitCaseInput, MeasureInput[], boolean]>([
    ['"Soms is een schriftelijke waarschuwing voldoende toereikend": a written warning holds no conversation', KNOWN_PERPETRATOR, [{ kind: 'writtenWarning' }, { kind: 'aftercare' }], false],
    ['"Met de pleger volgt idealiter binnen 72 uur na het incident een incidentgesprek"', KNOWN_PERPETRATOR, [{ kind: 'incidentMeeting' }], true],
    ['"In de meeste gevallen volstaat een gecombineerd incident- en herstelgesprek": the combined one is an incidentgesprek too', KNOWN_PERPETRATOR, [{ kind: 'combinedMeeting' }, { kind: 'aftercare' }], true],
    ['"Als de periode van beperkende maatregelen ... ten einde loopt, dan wordt een herstelgesprek gevoerd": a herstelgesprek alone is not the incidentgesprek', KNOWN_PERPETRATOR, [{ kind: 'restorationMeeting' }], false],
    ['restrictions set in the incidentgesprek: both deadlines', KNOWN_PERPETRATOR, [{ kind: 'incidentMeeting' }, { kind: 'restrictiveMeasures', endsAt: IN_THREE_WEEKS }], true],
    ['domain.md: "not when the pleger is unknown" (incidentgesprek)', UNKNOWN_PERPETRATOR, [{ kind: 'incidentMeeting' }], false],
    ['domain.md: "not when the pleger is unknown" (combined)', UNKNOWN_PERPETRATOR, [{ kind: 'combinedMeeting' }], false],
  ])('%s', (_sentence, submitted, proposal, expected) => {
    const c = proposeMeasures(caseIn('inProgress', submitted), HANDLER, proposal, later(5)).case;
    expect(kinds(c).includes('incidentMeeting')).toBe(expected);
    if (expected) {
      expect(c.deadlines.find((d) => d.kind === 'incidentMeeting')).toEqual({
        kind: 'incidentMeeting',
        dueAt: new Date('2026-12-02T19:30:00Z'), // incident Sunday 20:30 CET + 72 hours
        setAt: later(5),
        overdueWhenSet: false,
      });
    }
  });

  it('no case has it at registration, whatever the report', () => {
    expect(kinds(submitCase(KNOWN_PERPETRATOR, NOW, calendar).case)).not.toContain('incidentMeeting');
  });

  it('a new proposal that keeps the incidentgesprek keeps the deadline as first set; one that drops it removes it', () => {
    const first = proposeMeasures(caseIn('inProgress', KNOWN_PERPETRATOR), HANDLER, [{ kind: 'incidentMeeting' }], later(5)).case;
    const sentBack = sendBackProposal(first, OFFICE_HOLDER, 'Liever een gecombineerd gesprek.', later(6)).case;
    expect(kinds(sentBack)).toContain('incidentMeeting'); // the proposal stays on the case until a new one
    const second = proposeMeasures(sentBack, HANDLER, [{ kind: 'combinedMeeting' }], later(60)).case;
    expect(second.deadlines.find((d) => d.kind === 'incidentMeeting')).toEqual(first.deadlines.find((d) => d.kind === 'incidentMeeting'));
    const third = proposeMeasures(sendBackProposal(second, OFFICE_HOLDER, 'Een brief is genoeg.', later(61)).case, HANDLER, [{ kind: 'writtenWarning' }], later(62)).case;
    expect(kinds(third)).toEqual(['policeAppointment', 'measures']);
    expect(noIncidentMeetingDeadlineReason(third)).toBe('notChosen');
  });

  it('a proposal after the 72 hours shows the incidentgesprek overdue at once, never moved', () => {
    const lateProposal = new Date('2026-12-04T09:00:00Z'); // Friday, 85.5 hours after the incident
    const c = proposeMeasures(caseIn('inProgress', KNOWN_PERPETRATOR), HANDLER, [{ kind: 'incidentMeeting' }], lateProposal).case;
    expect(c.deadlines.find((d) => d.kind === 'incidentMeeting')).toEqual({
      kind: 'incidentMeeting',
      dueAt: new Date('2026-12-02T19:30:00Z'),
      setAt: lateProposal,
      overdueWhenSet: true,
    });
  });

  it('says why a case has no incidentgesprek deadline', () => {
    expect(noIncidentMeetingDeadlineReason(caseIn('inProgress', KNOWN_PERPETRATOR))).toBe('notChosen');
    expect(noIncidentMeetingDeadlineReason(proposeMeasures(caseIn('inProgress'), HANDLER, [{ kind: 'incidentMeeting' }], later(5)).case)).toBe('perpetratorUnknown');
    expect(noIncidentMeetingDeadlineReason(proposeMeasures(caseIn('inProgress', KNOWN_PERPETRATOR), HANDLER, [{ kind: 'incidentMeeting' }], later(5)).case)).toBeUndefined();
  });
});

describe('agreeing to and approving measures', () => {
  it('the office holder agrees: every measure is agreed and the history says so', () => {
    const c = agreeToMeasures(caseIn('measuresProposed'), OFFICE_HOLDER, later(20), 'Akkoord, graag snel.').case;
    expect(c.status).toBe('measuresAgreed');
    expect(c.measures.map((m) => m.status)).toEqual(['agreed', 'agreed']);
    expect(c.measureHistory.at(-1)).toEqual({ action: 'agreed', at: later(20), byAadObjectId: OFFICE_HOLDER, comment: 'Akkoord, graag snel.' });
    expect(c.goalReachedAt).toEqual({});
  });

  it('a handler approves: every measure is approved and the measures goal is reached then', () => {
    const c = approveMeasures(caseIn('measuresAgreed'), COLLEAGUE, later(20)).case;
    expect(c.status).toBe('measuresApproved');
    expect(c.measures.map((m) => m.status)).toEqual(['approved', 'approved']);
    expect(c.measureHistory.map((e) => e.action)).toEqual(['proposed', 'agreed', 'approved']);
    expect(c.goalReachedAt).toEqual({ measures: later(20) });
  });

  it.each<[string, () => unknown, DomainErrorCode]>([
    ['a handler agreeing', () => agreeToMeasures(caseIn('measuresProposed'), HANDLER, later(20)).case, 'CASE.NOT_ALLOWED'],
    ['agreeing without a proposal', () => agreeToMeasures(caseIn('inProgress'), OFFICE_HOLDER, later(20)).case, 'CASE.INVALID_TRANSITION'],
    ['agreeing twice', () => agreeToMeasures(caseIn('measuresAgreed'), OFFICE_HOLDER, later(20)).case, 'CASE.INVALID_TRANSITION'],
    ['the office holder approving', () => approveMeasures(caseIn('measuresAgreed'), OFFICE_HOLDER, later(20)).case, 'CASE.NOT_ALLOWED'],
    ['approving before the office holder agreed', () => approveMeasures(caseIn('measuresProposed'), HANDLER, later(20)).case, 'CASE.INVALID_TRANSITION'],
    ['approving a closed case', () => approveMeasures(caseIn('closed'), HANDLER, later(20)).case, 'CASE.CLOSED'],
    ['sending back agreed measures', () => sendBackProposal(caseIn('measuresAgreed'), OFFICE_HOLDER, 'Toch niet', later(20)).case, 'CASE.INVALID_TRANSITION'],
  ])('refuses %s', (_what, action, code) => {
    expectDomainError(action, code);
  });
});

describe('goalReachedAt: set exactly by the action that reaches the goal', () => {
  // Injury and a suspected offence: the case has every deadline kind but the herstelgesprek.
  const base = () => caseIn('inProgress', input({ report: report({ injury: ['mental'] }) }));
  const AT = later(30);
  const HELD = later(25);

  it.each<[string, (c: Case) => Case, Case['goalReachedAt']]>([
    ['taking the case', (c) => c, {}],
    ['proposing measures', (c) => proposeMeasures(c, HANDLER, PROPOSAL, AT).case, {}],
    ['the office holder agreeing', (c) => agreeToMeasures(proposeMeasures(c, HANDLER, PROPOSAL, later(20)).case, OFFICE_HOLDER, AT).case, {}],
    [
      'approving agreed measures',
      (c) => approveMeasures(agreeToMeasures(proposeMeasures(c, HANDLER, PROPOSAL, later(20)).case, OFFICE_HOLDER, later(21)).case, HANDLER, AT).case,
      { measures: AT },
    ],
    ['an incidentgesprek held', (c) => recordMeetingHeld(c, 'incidentMeeting', HANDLER, HELD, AT).case, { incidentMeeting: HELD }],
    ['a herstelgesprek held', (c) => recordMeetingHeld(c, 'restorationMeeting', HANDLER, HELD, AT).case, { restorationMeeting: HELD }],
    ['a combined meeting held', (c) => recordMeetingHeld(c, 'combinedMeeting', HANDLER, HELD, AT).case, { incidentMeeting: HELD, restorationMeeting: HELD }],
    ['the Arbeidsinspectie warned', (c) => recordLabourInspectorateWarned(c, HANDLER, AT).case, { labourInspectorate: AT }],
    ['checklist step 3 (appointment with the police)', (c) => tickChecklistStep(c, 3, HANDLER, AT).case, { policeAppointment: AT }],
    ['checklist step 4 (the aangifte itself)', (c) => tickChecklistStep(c, 4, HANDLER, AT).case, {}],
    ['a perpetrator response', (c) => recordPerpetratorResponse(c, { kind: 'given', summary: 'Brief' }, HANDLER, AT).case, {}],
  ])('%s', (_what, act, expected) => {
    expect(act(base()).goalReachedAt).toEqual(expected);
  });
});

describe('meetings with the perpetrator', () => {
  it('records who recorded it and when it was held', () => {
    const c = recordMeetingHeld(caseIn('measuresApproved'), 'incidentMeeting', COLLEAGUE, later(60), later(90)).case;
    expect(c.meetings).toEqual([{ kind: 'incidentMeeting', heldAt: later(60), recordedAt: later(90), recordedByAadObjectId: COLLEAGUE }]);
  });

  it('keeps the earliest moment a goal was reached and ignores the same meeting recorded twice', () => {
    const first = recordMeetingHeld(caseIn('inProgress'), 'incidentMeeting', HANDLER, later(60), later(90)).case;
    expect(recordMeetingHeld(first, 'incidentMeeting', COLLEAGUE, later(60), later(91)).case).toBe(first);
    const second = recordMeetingHeld(first, 'combinedMeeting', HANDLER, later(80), later(95)).case;
    expect(second.meetings).toHaveLength(2);
    expect(second.goalReachedAt).toEqual({ incidentMeeting: later(60), restorationMeeting: later(80) });
    const earlier = recordMeetingHeld(second, 'restorationMeeting', HANDLER, later(40), later(96)).case;
    expect(earlier.goalReachedAt).toEqual({ incidentMeeting: later(60), restorationMeeting: later(40) });
  });

  it.each<[string, () => unknown, DomainErrorCode]>([
    ['a meeting in the future', () => recordMeetingHeld(caseIn('inProgress'), 'incidentMeeting', HANDLER, later(120), later(60)).case, 'CASE.MEETING_TIME_INVALID'],
    [
      'a meeting before the incident',
      () => recordMeetingHeld(caseIn('inProgress'), 'incidentMeeting', HANDLER, new Date('2026-11-29T19:00:00Z'), later(60)).case,
      'CASE.MEETING_TIME_INVALID',
    ],
    ['a meeting recorded by the office holder', () => recordMeetingHeld(caseIn('inProgress'), 'incidentMeeting', OFFICE_HOLDER, later(30), later(60)).case, 'CASE.NOT_ALLOWED'],
    ['a meeting before the case was taken', () => recordMeetingHeld(caseIn('submitted'), 'incidentMeeting', HANDLER, later(30), later(60)).case, 'CASE.INVALID_TRANSITION'],
    ['a meeting on a closed case', () => recordMeetingHeld(caseIn('closed'), 'incidentMeeting', HANDLER, later(30), later(60)).case, 'CASE.CLOSED'],
  ])('refuses %s', (_what, action, code) => {
    expectDomainError(action, code);
  });
});

describe('warning the Arbeidsinspectie', () => {
  const injured = () => caseIn('inProgress', input({ report: report({ injury: ['physical', 'hospital'] }) }));

  it('is recorded once, by a handler', () => {
    const c = recordLabourInspectorateWarned(injured(), COLLEAGUE, later(30)).case;
    expect(c.labourInspectorateWarned).toEqual({ at: later(30), byAadObjectId: COLLEAGUE });
    expect(recordLabourInspectorateWarned(c, HANDLER, later(40)).case).toBe(c);
  });

  it.each<[string, () => unknown, DomainErrorCode]>([
    ['when nobody was injured (no deadline)', () => recordLabourInspectorateWarned(caseIn('inProgress'), HANDLER, later(30)).case, 'CASE.LABOUR_INSPECTORATE_NOT_NEEDED'],
    ['from the office holder', () => recordLabourInspectorateWarned(injured(), OFFICE_HOLDER, later(30)).case, 'CASE.NOT_ALLOWED'],
    ['before the case was taken', () => recordLabourInspectorateWarned(submitCase(input({ report: report({ injury: ['mental'] }) }), NOW, calendar).case, HANDLER, later(30)).case, 'CASE.INVALID_TRANSITION'],
  ])('is refused %s', (_what, action, code) => {
    expectDomainError(action, code);
  });
});

describe('closing needs the evaluation', () => {
  const ready = () => recordPerpetratorResponse(caseIn('measuresApproved'), { kind: 'given', summary: 'Incidentgesprek gevoerd.' }, HANDLER, later(40)).case;

  it('stores the trimmed answers with who and when', () => {
    const c = closeCase(ready(), COLLEAGUE, later(50), { ...EVALUATION, improvements: `  ${EVALUATION.improvements}  ` }).case;
    expect(c.evaluation).toEqual({ ...EVALUATION, recordedAt: later(50), recordedByAadObjectId: COLLEAGUE });
  });

  it.each(EVALUATION_QUESTIONS)('refuses a blank answer to %s and names the question', (question) => {
    const error = expectDomainError(() => closeCase(ready(), HANDLER, later(50), { ...EVALUATION, [question]: '  ' }).case, 'CASE.EVALUATION_REQUIRED');
    expect(userMessageOf(error)).toContain(EVALUATION_LABELS[question].title);
  });

  it('refuses an answer over 2000 characters and accepts exactly 2000', () => {
    const error = expectDomainError(() => closeCase(ready(), HANDLER, later(50), { ...EVALUATION, trendAnalysis: 'x'.repeat(2001) }).case, 'CASE.TEXT_TOO_LONG');
    expect(userMessageOf(error)).toContain('Trendanalyse');
    expect(closeCase(ready(), HANDLER, later(50), { ...EVALUATION, trendAnalysis: 'x'.repeat(2000) }).case.status).toBe('closed');
  });

  it('asks for the perpetrator response before the evaluation', () => {
    expectDomainError(() => closeCase(caseIn('measuresApproved'), HANDLER, later(50), {} as EvaluationInput).case, 'CASE.RESPONSE_REQUIRED');
  });

  it('refuses closing by the office holder and closing twice', () => {
    expectDomainError(() => closeCase(ready(), OFFICE_HOLDER, later(50), EVALUATION).case, 'CASE.NOT_ALLOWED');
    expectDomainError(() => closeCase(caseIn('closed'), HANDLER, later(50), EVALUATION).case, 'CASE.CLOSED');
  });

  it('has a Dutch title and question for every evaluation question', () => {
    for (const question of EVALUATION_QUESTIONS) {
      expect(EVALUATION_LABELS[question].title).toMatch(/^[A-Z][a-z]+$/);
      expect(EVALUATION_LABELS[question].question).toMatch(/\?$/);
    }
  });
});

describe('recidive keys at submission', () => {
  it('stores the perpetrator keys, and none for an unknown perpetrator', () => {
    const known = submitCase(input({ report: report({ perpetrator: { known: true, type: 'persoon', name: 'Jan de Vries', licencePlate: '12-ABC-3' } }) }), NOW, calendar).case;
    expect(known.perpetratorKeys).toEqual(['name:jan de vries', 'plate:12abc3']);
    expect(submitCase(input(), NOW, calendar).case.perpetratorKeys).toEqual([]);
  });

  it('starts with a police checklist exactly when a police appointment is needed', () => {
    expect(submitCase(input(), NOW, calendar).case.policeChecklist).toEqual({ ticks: [] });
    expect(submitCase(input({ report: report({ criminalOffenceSuspected: 'no', level: 4 }) }), NOW, calendar).case.policeChecklist).toBeUndefined();
  });
});
