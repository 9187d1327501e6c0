/**
 * The plan-meeting use cases against real Table Storage (Azurite) and a calendar that behaves like
 * Graph at the port: it keeps events, de-duplicates creates by transactionId and fails on request.
 */
import {
  CalendarPermissionError,
  CalendarUnavailableError,
  type CalendarGateway,
  type CancelEventRequest,
  type CancelOutcome,
  type CreateEventRequest,
  type PersonAvailability,
  type UpdateEventRequest,
} from '../../src/app/calendar-ports';
import { CaseEffectRunner, type CaseNotifier } from '../../src/app/case-effect-runner';
import { silentLogger } from '../../src/app/logger';
import { OutboxService } from '../../src/app/outbox.service';
import { Recidive } from '../../src/app/recidive';
import { TableOutboxRepository } from '../../src/storage/outbox.repository';
import { MEETING_MESSAGES } from '../../src/copy/meetings.copy';
import { CALENDAR_CLAIM_MS, CalendarBusyElsewhereError, MeetingService, type MeetingOutcome, type MeetingRecord, type MeetingRequest, type PlanningForm } from '../../src/app/meeting.service';
import { proposeMeasures, submitCase, takeCase, type Case } from '../../src/domain/case';
import type { Clock } from '../../src/domain/clock';
import { parseDirectory, type Directory } from '../../src/domain/directory';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import type { TimeInterval } from '../../src/domain/meetings';
import type { IncidentReport } from '../../src/domain/report';
import { PERMISSION_DENIED_MESSAGE } from '../../src/graph/graph-errors';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { TableMeetingRepository } from '../../src/storage/meeting-plan.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

const HANDLER = 'aaaaaaaa-0000-4000-8000-000000000201';
const COLLEAGUE = 'aaaaaaaa-0000-4000-8000-000000000202';
const NO_MAIL_HANDLER = 'aaaaaaaa-0000-4000-8000-000000000203';
const OFFICE_HOLDER = 'aaaaaaaa-0000-4000-8000-000000000301';
const GRIFFIER = 'aaaaaaaa-0000-4000-8000-000000000401';
const COORDINATOR = 'aaaaaaaa-0000-4000-8000-000000000900';
const HANDLER_MAIL = 'a.handler@utrecht.example';
const OFFICE_HOLDER_MAIL = 'wethouder@utrecht.example';
const COORDINATOR_MAIL = 'vpt@provincie-utrecht.example';

// Monday 30 November 2026, 10:00 in Amsterdam; the incident was Sunday 29 November 20:30, so the
// incidentgesprek is due Wednesday 2 December 20:30.
const NOW = new Date('2026-11-30T09:00:00Z');
const workingDays = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const at = (iso: string) => new Date(iso);

function directory(): Directory {
  const parsed = parseDirectory({
    version: 1,
    tenantId: 'tenant',
    coordinatorVpt: { aadObjectId: COORDINATOR, name: 'Coördinator VPT', email: COORDINATOR_MAIL },
    organisations: [
      {
        organisationId: 'gemeente-utrecht',
        desks: [
          {
            role: 'gemeentesecretaris',
            channel: { teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' },
            handlers: [
              { aadObjectId: HANDLER, name: 'Anna Afhandelaar', email: HANDLER_MAIL },
              { aadObjectId: COLLEAGUE, name: 'Collega', email: 'collega@utrecht.example' },
              { aadObjectId: NO_MAIL_HANDLER, name: 'Zonder Mail' },
            ],
          },
          { role: 'griffier', channel: { teamId: '19:utrecht@thread.tacv2', channelId: '19:griffie@thread.tacv2' }, handlers: [{ aadObjectId: GRIFFIER, name: 'Griffier', email: 'griffier@utrecht.example' }] },
        ],
        members: [{ aadObjectId: OFFICE_HOLDER, name: 'Wim Wethouder', role: 'wethouder', email: OFFICE_HOLDER_MAIL }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.directory;
}

function report(): IncidentReport {
  return {
    incidentAt: '2026-11-29T19:30:00Z',
    place: { mode: 'offline', location: 'Raadhuisplein' },
    description: 'Een man schreeuwde dat hij me zou opwachten.',
    level: 4,
    kinds: ['bedreiging'],
    perpetrator: { known: true, type: 'persoon', name: 'Karel Klaassen' },
    evidence: { files: [] },
    injury: [],
    damage: { propertyDamage: false, absenceFromWork: false },
    criminalOffenceSuspected: 'no',
    feltHindered: true,
  };
}

class FixedClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
}

type Call =
  | { op: 'getSchedule'; mailbox: string; emails: readonly string[]; window: { from: Date; until: Date } }
  | { op: 'createEvent'; request: CreateEventRequest }
  | { op: 'updateEvent'; request: UpdateEventRequest }
  | { op: 'cancelEvent'; request: CancelEventRequest };

/** Graph at the port: events per transactionId, scripted failures, and a hook to look at storage mid-call. */
class StandInCalendar implements CalendarGateway {
  readonly calls: Call[] = [];
  readonly events = new Map<string, { transactionId: string; startsAt: Date; cancelled: boolean }>();
  busy: Record<string, TimeInterval[]> = {};
  unknown = new Set<string>();
  failures: Partial<Record<Call['op'], Error[]>> = {};
  /** The next create makes the event and then "loses" the answer (throws). */
  loseNextCreateAnswer = false;
  onCreate?: () => Promise<void>;

  private fail(op: Call['op']): void {
    const error = this.failures[op]?.shift();
    if (error) throw error;
  }

  async getSchedule(mailbox: string, emails: readonly string[], window: { from: Date; until: Date }): Promise<PersonAvailability[]> {
    this.calls.push({ op: 'getSchedule', mailbox, emails, window });
    this.fail('getSchedule');
    return emails.map((email) => ({ email, busy: this.busy[email] ?? [], known: !this.unknown.has(email) }));
  }

  async createEvent(request: CreateEventRequest): Promise<string> {
    this.calls.push({ op: 'createEvent', request });
    await this.onCreate?.();
    const existing = [...this.events].find(([, e]) => e.transactionId === request.transactionId);
    if (existing) return existing[0];
    this.fail('createEvent');
    const id = `event-${this.events.size + 1}`;
    this.events.set(id, { transactionId: request.transactionId, startsAt: request.plan.startsAt, cancelled: false });
    if (this.loseNextCreateAnswer) {
      this.loseNextCreateAnswer = false;
      throw new CalendarUnavailableError('De afspraak is nog niet in de agenda gezet. Microsoft 365 is tijdelijk overbelast of niet bereikbaar (na 2 pogingen).', 2, undefined, { status: 504 });
    }
    return id;
  }

  async updateEvent(request: UpdateEventRequest): Promise<void> {
    this.calls.push({ op: 'updateEvent', request });
    this.fail('updateEvent');
    const event = this.events.get(request.eventId);
    if (event) event.startsAt = request.plan.startsAt;
  }

  async cancelEvent(request: CancelEventRequest): Promise<CancelOutcome> {
    this.calls.push({ op: 'cancelEvent', request });
    this.fail('cancelEvent');
    const event = this.events.get(request.eventId);
    if (!event) return 'alreadyGone';
    event.cancelled = true;
    return 'cancelled';
  }

  count(op: Call['op']): number {
    return this.calls.filter((c) => c.op === op).length;
  }
}

const prefix = testTablePrefix('meetsvc');
const tables = createTableClientFactory(testConnectionString(), prefix);
const cases = new TableCaseRepository(tables.client('Cases'));
const meetingRows = new TableMeetingRepository(tables.client('Meetings'));
let ids = 0;
const nextId = () => `bbbbbbbb-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
let tokens = 0;
const nextToken = () => `tok${String(++tokens).padStart(40, '0')}`;

function service(calendar: CalendarGateway | undefined, clock: Clock = new FixedClock(NOW), retryInBackground?: (caseId: string, meetingId: string) => Promise<void>): MeetingService {
  return new MeetingService({
    cases,
    meetings: meetingRows,
    directory: directory(),
    ...(calendar ? { calendar } : {}),
    clock,
    workingDays,
    newId: nextId,
    newToken: nextToken,
    logger: silentLogger,
    ...(retryInBackground ? { retryInBackground } : {}),
  });
}

/** The handler proposes an incidentgesprek: the case gets the 72-hour incidentgesprek deadline (Wednesday 2 December 20:30). */
const incidentMeetingProposed = (c: Case): Case => proposeMeasures(c, HANDLER, [{ kind: 'incidentMeeting' }], at('2026-11-30T08:40:00Z')).case;

async function takenCase(change: (c: Case) => Case = (c) => c): Promise<Case> {
  const id = nextId();
  const submitted = submitCase({ id, caseNumber: `WB-2026-${String(ids).padStart(5, '0')}`, organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Wim Wethouder', role: 'wethouder' }, report: report() }, at('2026-11-30T08:00:00Z'), workingDays).case;
  const c = change(takeCase(submitted, HANDLER, at('2026-11-30T08:30:00Z')).case);
  await cases.create(c);
  return c;
}

function form(outcome: Awaited<ReturnType<MeetingService['planningForm']>>): PlanningForm {
  if (outcome.outcome !== 'form') throw new Error(`expected a form, got ${JSON.stringify(outcome)}`);
  return outcome.form;
}

function done(outcome: MeetingOutcome): Extract<MeetingOutcome, { outcome: 'done' }> {
  if (outcome.outcome !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Tuesday 1 December 2026, 12:00 in Amsterdam, in a room, with the office holder, the coordinator and the perpetrator. */
function request(overrides: Partial<MeetingRequest> = {}): MeetingRequest {
  return {
    kind: 'incidentMeeting',
    date: '2026-12-01',
    time: '12:00',
    durationMinutes: '60',
    online: 'false',
    location: 'Stadhuis, spreekkamer 2',
    inviteOfficeHolder: true,
    inviteCoordinator: true,
    otherEmails: ['pleger@example.org'],
    ...overrides,
  };
}

beforeAll(async () => {
  await tables.ensureTables(['Cases', 'Meetings', 'Outbox']);
});

describe('the planning form', () => {
  it('proposes slots in which the handler and the office holder are both free, in working hours, before the 72 hours', async () => {
    const calendar = new StandInCalendar();
    calendar.busy = {
      // Monday 11:00–17:00 the handler is busy; Tuesday 9:00–12:00 the office holder.
      [HANDLER_MAIL]: [{ start: at('2026-11-30T10:00:00Z'), end: at('2026-11-30T16:00:00Z') }],
      [OFFICE_HOLDER_MAIL]: [{ start: at('2026-12-01T08:00:00Z'), end: at('2026-12-01T11:00:00Z') }],
    };
    const c = await takenCase(incidentMeetingProposed);

    const planning = form(await service(calendar).planningForm(c.id, HANDLER, { withOfficeHolder: true }));

    expect(planning.kind).toBe('incidentMeeting');
    expect(planning.deadline?.dueAt).toEqual(at('2026-12-02T19:30:00Z'));
    expect(planning.slots.map((s) => s.start.toISOString())).toEqual([
      '2026-12-01T11:00:00.000Z', // Tuesday 12:00
      '2026-12-01T11:30:00.000Z',
      '2026-12-01T12:00:00.000Z',
      '2026-12-02T08:00:00.000Z', // Wednesday 09:00
      '2026-12-02T08:30:00.000Z',
    ]);
    expect(planning.slotsAfterDeadline).toBe(false);
    expect(planning.checked).toEqual(['handler', 'officeHolder']);
    const [schedule] = calendar.calls;
    expect(schedule).toEqual({ op: 'getSchedule', mailbox: HANDLER_MAIL, emails: [HANDLER_MAIL, OFFICE_HOLDER_MAIL], window: { from: at('2026-11-30T10:00:00Z'), until: at('2026-12-16T19:30:00Z') } });
    expect(planning.officeHolder).toEqual({ name: 'Wim Wethouder', email: OFFICE_HOLDER_MAIL });
    expect(planning.coordinator.email).toBe(COORDINATOR_MAIL);
  });

  it('does not invite the office holder to an incidentgesprek unless the handler asks, but does to a herstelgesprek', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase((taken) =>
      proposeMeasures(taken, HANDLER, [{ kind: 'restrictiveMeasures', endsAt: at('2026-12-21T22:59:59Z') }, { kind: 'incidentMeeting' }], at('2026-11-30T08:45:00Z')).case,
    );
    const svc = service(calendar);
    const incident = form(await svc.planningForm(c.id, HANDLER));
    expect(incident.kind).toBe('incidentMeeting');
    expect(incident.officeHolderInvited).toBe(false);
    expect(calendar.calls.at(-1)).toMatchObject({ op: 'getSchedule', emails: [HANDLER_MAIL] });
    expect(form(await svc.planningForm(c.id, HANDLER, { kind: 'combinedMeeting' })).officeHolderInvited).toBe(false);
    const restoration = form(await svc.planningForm(c.id, HANDLER, { kind: 'restorationMeeting' }));
    expect(restoration.officeHolderInvited).toBe(true);
    expect(calendar.calls.at(-1)).toMatchObject({ op: 'getSchedule', emails: [HANDLER_MAIL, OFFICE_HOLDER_MAIL] });
  });

  it('asks only the handler’s calendar when the office holder is not invited', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const planning = form(await service(calendar).planningForm(c.id, HANDLER, { withOfficeHolder: false }));
    expect(calendar.calls).toEqual([expect.objectContaining({ op: 'getSchedule', emails: [HANDLER_MAIL] })]);
    expect(planning.officeHolderInvited).toBe(false);
    expect(planning.checked).toEqual(['handler']);
  });

  it('after the deadline proposes later slots and says so', async () => {
    const c = await takenCase(incidentMeetingProposed);
    const planning = form(await service(new StandInCalendar(), new FixedClock(at('2026-12-03T08:00:00Z'))).planningForm(c.id, HANDLER));
    expect(planning.slotsAfterDeadline).toBe(true);
    expect(planning.slots[0].start).toEqual(at('2026-12-03T09:00:00Z'));
  });

  it('without an incidentgesprek among the measures: no deadline, slots over the next two weeks, and a booking without a warning', async () => {
    const c = await takenCase((taken) => proposeMeasures(taken, HANDLER, [{ kind: 'writtenWarning' }], at('2026-11-30T08:40:00Z')).case);
    const calendar = new StandInCalendar();
    const svc = service(calendar);
    const planning = form(await svc.planningForm(c.id, HANDLER));
    expect(planning.kind).toBe('incidentMeeting');
    expect(planning.deadline).toBeUndefined();
    expect(planning.slotsAfterDeadline).toBe(false);
    expect(planning.slots).toHaveLength(5);
    // Monday 10:00 + 1 hour lead, 14 days ahead.
    expect(calendar.calls[0]).toMatchObject({ op: 'getSchedule', window: { from: at('2026-11-30T10:00:00Z'), until: at('2026-12-14T10:00:00Z') } });
    const booked = done(await svc.book(c.id, HANDLER, planning.meetingId, request({ date: '2026-12-04', time: '10:00' })));
    expect(booked.record.plan.status).toBe('planned');
    expect(booked.warning).toBeUndefined();
  });

  it('explains a 403 on getSchedule with what the administrator must grant, and still offers the form', async () => {
    const calendar = new StandInCalendar();
    calendar.failures.getSchedule = [new CalendarPermissionError('CALENDAR.PERMISSION_DENIED', PERMISSION_DENIED_MESSAGE, { status: 403 })];
    const c = await takenCase();
    const planning = form(await service(calendar).planningForm(c.id, HANDLER));
    expect(planning.slots).toEqual([]);
    expect(planning.availabilityProblem).toContain('Calendars.ReadWrite');
  });

  it('says when the office holder’s calendar could not be read, and proposes by the handler’s alone', async () => {
    const calendar = new StandInCalendar();
    calendar.unknown.add(OFFICE_HOLDER_MAIL);
    const planning = form(await service(calendar).planningForm((await takenCase()).id, HANDLER, { withOfficeHolder: true }));
    expect(planning.checked).toEqual(['handler']);
    expect(planning.availabilityProblem).toMatch(/agenda van de betrokkene kon niet worden gelezen/);
    expect(planning.slots).toHaveLength(5);
  });

  it('proposes the herstelgesprek in the days before the restrictions end, once the incidentgesprek is planned', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase((taken) =>
      proposeMeasures(taken, HANDLER, [{ kind: 'restrictiveMeasures', endsAt: at('2026-12-21T22:59:59Z') }, { kind: 'incidentMeeting' }], at('2026-11-30T08:45:00Z')).case,
    );
    const svc = service(calendar);
    const first = form(await svc.planningForm(c.id, HANDLER));
    expect(first.kind).toBe('incidentMeeting');
    expect(first.restorationDue).toBe(true);
    done(await svc.book(c.id, HANDLER, first.meetingId, request()));

    const restoration = form(await svc.planningForm(c.id, HANDLER));

    expect(restoration.kind).toBe('restorationMeeting');
    expect(restoration.deadline?.kind).toBe('restorationMeeting');
    // The restrictions end Monday 21 December 23:59:59; proposals start 14 days earlier, on Tuesday 8 December 09:00.
    expect(restoration.deadline?.dueAt).toEqual(at('2026-12-21T22:59:59Z'));
    expect(restoration.slots[0].start).toEqual(at('2026-12-08T08:00:00Z'));
    expect(restoration.slots.every((s) => s.end.getTime() <= at('2026-12-21T22:59:59Z').getTime())).toBe(true);
    expect(calendar.calls.at(-1)).toMatchObject({ op: 'getSchedule', window: { from: at('2026-12-07T22:59:59Z') } });
  });

  it('without Graph proposes working-hour slots that avoid the handler’s other planned meetings', async () => {
    const svc = service(undefined);
    const c = await takenCase();
    const first = form(await svc.planningForm(c.id, HANDLER));
    expect(first.calendar).toBe('ics');
    expect(first.slots[0].start).toEqual(at('2026-11-30T10:00:00Z')); // Monday 11:00
    done(await svc.book(c.id, HANDLER, first.meetingId, request({ date: '2026-11-30', time: '11:00' })));

    const other = await takenCase();
    const second = form(await svc.planningForm(other.id, HANDLER));
    expect(second.slots.map((s) => s.start.toISOString())).not.toContain('2026-11-30T10:00:00.000Z');
    expect(second.slots.map((s) => s.start.toISOString())).not.toContain('2026-11-30T10:30:00.000Z');
    expect(second.slots[0].start).toEqual(at('2026-11-30T11:00:00Z')); // Monday 12:00, after the booked hour
  });

  it('refuses someone who is not a handler of the case, and a case nobody took yet', async () => {
    const c = await takenCase();
    expect(await service(new StandInCalendar()).planningForm(c.id, GRIFFIER)).toEqual({ outcome: 'refused', message: MEETING_MESSAGES.notHandler });
    expect(await service(new StandInCalendar()).planningForm(c.id, OFFICE_HOLDER)).toEqual({ outcome: 'refused', message: MEETING_MESSAGES.notHandler });
    const untaken = submitCase({ id: nextId(), caseNumber: 'WB-2026-09999', organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'W', role: 'wethouder' }, report: report() }, at('2026-11-30T08:00:00Z'), workingDays).case;
    await cases.create(untaken);
    const refused = await service(new StandInCalendar()).planningForm(untaken.id, HANDLER);
    expect(refused).toMatchObject({ outcome: 'refused', message: expect.stringMatching(/eerst op/) });
  });
});

describe('booking in Graph', () => {
  it('writes the row as pending before the create, stores the event id after, and invites the right people', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    let duringCreate: MeetingRecord | undefined;
    calendar.onCreate = async () => {
      duringCreate = (await meetingRows.get(c.id, meetingId))?.record;
    };

    const booked = done(await svc.book(c.id, HANDLER, meetingId, request()));

    // The row is the claim on the call: a second press until then is told the meeting is being booked.
    expect(duringCreate?.sync).toEqual({ state: 'pending', operation: 'create', claimedUntil: new Date(NOW.getTime() + CALENDAR_CLAIM_MS) });
    expect(duringCreate?.plan.eventId).toBeUndefined();
    const stored = (await meetingRows.get(c.id, meetingId))!.record;
    expect(stored.plan.eventId).toBe('event-1');
    expect(stored.sync).toEqual({ state: 'done', operation: 'create' });
    expect(booked.change).toBe('booked');
    const create = calendar.calls.find((call) => call.op === 'createEvent') as Extract<Call, { op: 'createEvent' }>;
    expect(create.request.mailbox).toBe(HANDLER_MAIL);
    expect(create.request.caseNumber).toBe(c.caseNumber);
    expect(create.request.transactionId).toBe(`wb-meeting-${meetingId}`);
    expect(create.request.plan.startsAt).toEqual(at('2026-12-01T11:00:00Z'));
    expect(create.request.plan.attendees).toEqual([
      { name: 'Anna Afhandelaar', email: HANDLER_MAIL, role: 'handler' },
      { name: 'Wim Wethouder', email: OFFICE_HOLDER_MAIL, role: 'officeHolder' },
      { name: 'Coördinator VPT', email: COORDINATOR_MAIL, role: 'coordinator' },
      { email: 'pleger@example.org', role: 'other' },
    ]);
  });

  it('a second press on the same form books nothing more', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    await svc.book(c.id, HANDLER, meetingId, request());
    const again = done(await svc.book(c.id, HANDLER, meetingId, request({ time: '14:00' })));
    expect(again.change).toBe('unchanged');
    expect(again.record.plan.startsAt).toEqual(at('2026-12-01T11:00:00Z'));
    expect(calendar.count('createEvent')).toBe(1);
    expect(calendar.events.size).toBe(1);
    expect(again.meetings).toHaveLength(1);
  });

  it('Graph busy: the failure is recorded with its Dutch message; the retry books the one event', async () => {
    const calendar = new StandInCalendar();
    calendar.failures.createEvent = [new CalendarUnavailableError('De afspraak is nog niet in de agenda gezet. Microsoft vraagt het over 30 seconden opnieuw te proberen.', 1, 30, { status: 429 })];
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;

    const failed = done(await svc.book(c.id, HANDLER, meetingId, request()));
    expect(failed.record.sync).toEqual({ state: 'failed', operation: 'create', failure: { code: 'CALENDAR.UNAVAILABLE', message: expect.stringContaining('30 seconden') } });
    expect(failed.record.plan.eventId).toBeUndefined();

    const retried = done(await svc.retry(c.id, HANDLER, meetingId));
    expect(retried.change).toBe('retried');
    expect(retried.record.sync.state).toBe('done');
    expect(retried.record.plan.eventId).toBe('event-1');
    expect(calendar.events.size).toBe(1);
    const transactionIds = calendar.calls.filter((call) => call.op === 'createEvent').map((call) => (call as Extract<Call, { op: 'createEvent' }>).request.transactionId);
    expect(new Set(transactionIds).size).toBe(1);
  });

  it('a create whose answer was lost: the retry finds the event instead of making a second', async () => {
    const calendar = new StandInCalendar();
    calendar.loseNextCreateAnswer = true;
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    expect(done(await svc.book(c.id, HANDLER, meetingId, request())).record.sync.state).toBe('failed');
    expect(done(await svc.retry(c.id, HANDLER, meetingId)).record.plan.eventId).toBe('event-1');
    expect(calendar.events.size).toBe(1);
    // Retrying a meeting that is in the calendar changes nothing.
    expect(done(await svc.retry(c.id, HANDLER, meetingId)).change).toBe('unchanged');
    expect(calendar.count('createEvent')).toBe(2);
  });

  it('403: the administrator message is stored for the card', async () => {
    const calendar = new StandInCalendar();
    calendar.failures.createEvent = [new CalendarPermissionError('CALENDAR.PERMISSION_DENIED', PERMISSION_DENIED_MESSAGE, { status: 403 })];
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    const outcome = done(await svc.book(c.id, HANDLER, meetingId, request()));
    expect(outcome.record.sync.failure).toEqual({ code: 'CALENDAR.PERMISSION_DENIED', message: PERMISSION_DENIED_MESSAGE });
  });

  it('reschedules with an update of the same event, by a colleague too, and cancels it once', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    await svc.book(c.id, HANDLER, meetingId, request());

    const moved = done(await svc.reschedule(c.id, COLLEAGUE, meetingId, { date: '2026-12-02', time: '10:00', durationMinutes: '90', online: 'true' }));
    expect(moved.change).toBe('rescheduled');
    expect(moved.record.plan).toMatchObject({ startsAt: at('2026-12-02T09:00:00Z'), durationMinutes: 90, venue: { type: 'online' }, revision: 1, eventId: 'event-1' });
    expect(moved.record.organiser.email).toBe(HANDLER_MAIL);
    const update = calendar.calls.find((call) => call.op === 'updateEvent') as Extract<Call, { op: 'updateEvent' }>;
    expect(update.request).toMatchObject({ mailbox: HANDLER_MAIL, eventId: 'event-1' });
    expect(update.request.plan.attendees).toHaveLength(4);

    const cancelled = done(await svc.cancel(c.id, HANDLER, meetingId));
    expect(cancelled.record.plan.status).toBe('cancelled');
    expect(calendar.calls.filter((call) => call.op === 'cancelEvent')).toEqual([
      { op: 'cancelEvent', request: { mailbox: HANDLER_MAIL, eventId: 'event-1', comment: 'Dit gesprek gaat niet door.' } },
    ]);
    expect(done(await svc.cancel(c.id, HANDLER, meetingId)).change).toBe('unchanged');
    expect(calendar.count('cancelEvent')).toBe(1);
    expect(calendar.events.get('event-1')?.cancelled).toBe(true);
  });

  it('warns, but books, a time after the deadline', async () => {
    const c = await takenCase(incidentMeetingProposed);
    const svc = service(new StandInCalendar());
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    const late = done(await svc.book(c.id, HANDLER, meetingId, request({ date: '2026-12-04', time: '10:00' })));
    expect(late.warning).toMatch(/na de termijn van 72 uur/);
    expect(late.record.plan.status).toBe('planned');
  });

  it('refuses invalid input with Dutch issues naming the address, and stores nothing', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    const outcome = await svc.book(c.id, HANDLER, meetingId, request({ location: '', otherEmails: ['pleger@'] }));
    expect(outcome.outcome).toBe('invalid');
    if (outcome.outcome !== 'invalid') return;
    expect(outcome.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['Vul een locatie in, of kies voor een online gesprek.', 'Dit is geen geldig e-mailadres. (pleger@)']));
    expect(outcome.form?.meetingId).toBe(meetingId);
    expect(await meetingRows.get(c.id, meetingId)).toBeUndefined();
    expect(calendar.count('createEvent')).toBe(0);
  });

  it('refuses a handler without an e-mail address in the directory, and anyone who is not a handler', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const svc = service(calendar);
    expect(await svc.book(c.id, NO_MAIL_HANDLER, nextId(), request())).toMatchObject({ outcome: 'refused', message: MEETING_MESSAGES.noOrganiserEmail });
    expect(await svc.book(c.id, GRIFFIER, nextId(), request())).toEqual({ outcome: 'refused', message: MEETING_MESSAGES.notHandler });
    expect(await svc.retry(c.id, OFFICE_HOLDER, nextId())).toEqual({ outcome: 'refused', message: MEETING_MESSAGES.notHandler });
    expect(calendar.count('createEvent')).toBe(0);
    expect(await meetingRows.listByCase(c.id)).toEqual([]);
  });
});

describe('checks at booking (issue 14)', () => {
  it('a longer duration that runs into busy time is not booked: a Dutch warning, the form again, nothing stored', async () => {
    const calendar = new StandInCalendar();
    // Tuesday 1 December 13:00–14:00 Amsterdam the handler is busy; 12:00 for 60 minutes is free, for 90 it is not.
    calendar.busy = { [HANDLER_MAIL]: [{ start: at('2026-12-01T12:00:00Z'), end: at('2026-12-01T13:00:00Z') }] };
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;

    const warned = await svc.book(c.id, HANDLER, meetingId, request({ durationMinutes: '90', inviteOfficeHolder: false }));

    if (warned.outcome !== 'invalid') throw new Error(`expected a warning, got ${warned.outcome}`);
    expect(warned.issues).toEqual([{ field: 'date', message: expect.stringMatching(/^Op dinsdag 1 december 2026 om 12:00 \(90 minuten\) staat al iets in je agenda\./) }]);
    expect(warned.form?.meetingId).toBe(meetingId);
    expect(warned.overlapKey).toBe('2026-12-01T11:00:00.000Z/90');
    expect(calendar.calls.at(-2)).toMatchObject({ op: 'getSchedule', emails: [HANDLER_MAIL], window: { from: at('2026-12-01T11:00:00Z'), until: at('2026-12-01T12:30:00Z') } });
    expect(calendar.count('createEvent')).toBe(0);
    expect(await meetingRows.get(c.id, meetingId)).toBeUndefined();

    // The same duration without the overlap books at once.
    const fits = done(await svc.book(c.id, HANDLER, meetingId, request({ durationMinutes: '60', inviteOfficeHolder: false })));
    expect(fits.change).toBe('booked');
  });

  it('names the office holder’s agenda when theirs is busy, and books anyway on the second press for that time', async () => {
    const calendar = new StandInCalendar();
    calendar.busy = { [OFFICE_HOLDER_MAIL]: [{ start: at('2026-12-01T11:30:00Z'), end: at('2026-12-01T11:45:00Z') }] };
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    const warned = await svc.book(c.id, HANDLER, meetingId, request());
    if (warned.outcome !== 'invalid') throw new Error(`expected a warning, got ${warned.outcome}`);
    expect(warned.issues[0]?.message).toContain('staat al iets in de agenda van de betrokkene');

    // A different time than the one warned of is checked again; the warned one is booked.
    expect((await svc.book(c.id, HANDLER, meetingId, request({ time: '12:15', acceptOverlap: warned.overlapKey }))).outcome).toBe('invalid');
    const booked = done(await svc.book(c.id, HANDLER, meetingId, request({ acceptOverlap: warned.overlapKey })));
    expect(booked.change).toBe('booked');
    expect(calendar.count('createEvent')).toBe(1);
  });

  it('without Graph, warns of the handler’s own meeting at that time in another case', async () => {
    const svc = service(undefined);
    const first = await takenCase();
    done(await svc.book(first.id, HANDLER, form(await svc.planningForm(first.id, HANDLER)).meetingId, request({ date: '2026-12-07', time: '09:00' })));
    const second = await takenCase();
    const warned = await svc.book(second.id, HANDLER, form(await svc.planningForm(second.id, HANDLER)).meetingId, request({ date: '2026-12-07', time: '09:30' }));
    expect(warned).toMatchObject({ outcome: 'invalid', issues: [{ field: 'date', message: expect.stringContaining('in je agenda') }] });
  });

  it('a double click books one event: the second press finds the meeting claimed and is told so, without calling Graph', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const svc = service(calendar);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    let second: MeetingOutcome | undefined;
    // The second click arrives while the first one's create is on its way to Graph.
    calendar.onCreate = async () => {
      calendar.onCreate = undefined;
      second = await svc.book(c.id, HANDLER, meetingId, request());
    };

    const first = done(await svc.book(c.id, HANDLER, meetingId, request()));

    expect(first.change).toBe('booked');
    expect(second).toMatchObject({ outcome: 'inProgress', record: { plan: { id: meetingId } } });
    expect(MEETING_MESSAGES.inProgress).toMatch(/^Dit gesprek wordt al ingepland\./);
    expect(calendar.count('createEvent')).toBe(1);
    expect(calendar.events.size).toBe(1);
    // Once the first is done, a press shows the booked meeting and calls nothing.
    expect(done(await svc.book(c.id, HANDLER, meetingId, request())).change).toBe('unchanged');
    expect(calendar.count('createEvent')).toBe(1);
  });

  it('a claim left by a call that never came back runs out, after which a retry may call Graph again', async () => {
    const calendar = new StandInCalendar();
    const c = await takenCase();
    const clock = new FixedClock(NOW);
    const svc = service(calendar, clock);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    // A crash mid-call: the row is claimed and pending, the event never made.
    calendar.failures.createEvent = [new Error('process died')];
    calendar.onCreate = async () => {
      calendar.onCreate = undefined;
      const stored = (await meetingRows.get(c.id, meetingId))!;
      // Freeze the claimed row as the dead process left it: the later bookkeeping write must not happen.
      frozen = stored;
    };
    let frozen: { record: MeetingRecord; etag: string } | undefined;
    await svc.book(c.id, HANDLER, meetingId, request());
    await meetingRows.replace(frozen!.record, (await meetingRows.get(c.id, meetingId))!.etag);
    expect(await svc.retry(c.id, HANDLER, meetingId)).toMatchObject({ outcome: 'inProgress' });
    clock.current = new Date(NOW.getTime() + CALENDAR_CLAIM_MS + 1000);
    expect(done(await svc.retry(c.id, HANDLER, meetingId)).record.sync.state).toBe('done');
    expect(calendar.events.size).toBe(1);
  });

  it('Graph busy twice: the booking is kept, retried in the background through the outbox, and then in the agenda', async () => {
    const calendar = new StandInCalendar();
    // The gateway gave up after its own two attempts (two 503s).
    calendar.failures.createEvent = [new CalendarUnavailableError('De afspraak is nog niet in de agenda gezet. Microsoft 365 is tijdelijk overbelast of niet bereikbaar (na 2 pogingen).', 2, undefined, { status: 503 })];
    const asked: string[] = [];
    const c = await takenCase();
    const svc = service(calendar, new FixedClock(NOW), async (caseId, meetingId) => {
      asked.push(`${caseId}/${meetingId}`);
    });
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;

    const failed = done(await svc.book(c.id, HANDLER, meetingId, request()));

    expect(failed.record.sync).toMatchObject({ state: 'failed', failure: { code: 'CALENDAR.UNAVAILABLE', message: expect.stringContaining(MEETING_MESSAGES.retrying) } });
    expect(asked).toEqual([`${c.id}/${meetingId}`]);
    expect(await svc.syncInBackground(c.id, meetingId)).toBe('booked');
    const stored = (await meetingRows.get(c.id, meetingId))!.record;
    expect(stored.sync).toEqual({ state: 'done', operation: 'create' });
    expect(stored.plan.eventId).toBe('event-1');
    // Nothing left: a second background run does nothing, and the same transactionId was used throughout.
    expect(await svc.syncInBackground(c.id, meetingId)).toBe('nothing');
    const transactionIds = calendar.calls.filter((call) => call.op === 'createEvent').map((call) => (call as Extract<Call, { op: 'createEvent' }>).request.transactionId);
    expect(transactionIds).toEqual([`wb-meeting-${meetingId}`, `wb-meeting-${meetingId}`]);
    expect(asked).toHaveLength(1);
  });

  it('the background retry throws while Graph is still busy (the outbox backs off), and leaves a 403 to a person', async () => {
    const calendar = new StandInCalendar();
    const busy = () => new CalendarUnavailableError('Nog niet gelukt.', 2, undefined, { status: 503 });
    calendar.failures.createEvent = [busy(), busy(), new CalendarPermissionError('CALENDAR.PERMISSION_DENIED', PERMISSION_DENIED_MESSAGE, { status: 403 })];
    const c = await takenCase();
    const svc = service(calendar, new FixedClock(NOW), async () => undefined);
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    done(await svc.book(c.id, HANDLER, meetingId, request()));
    await expect(svc.syncInBackground(c.id, meetingId)).rejects.toBeInstanceOf(CalendarBusyElsewhereError);
    expect(await svc.syncInBackground(c.id, meetingId)).toBe('nothing');
    expect((await meetingRows.get(c.id, meetingId))!.record.sync).toMatchObject({ state: 'failed', failure: { code: 'CALENDAR.PERMISSION_DENIED' } });
  });
});

describe('the background retry through the outbox', () => {
  it('Graph busy during the card action: the outbox books it later, once, and updates the desk card', async () => {
    const calendar = new StandInCalendar();
    const busy = () => new CalendarUnavailableError('De afspraak is nog niet in de agenda gezet. Microsoft 365 is tijdelijk overbelast of niet bereikbaar (na 2 pogingen).', 2, undefined, { status: 503 });
    // Busy in the card action and at the first background attempt; the second gets through.
    calendar.failures.createEvent = [busy(), busy()];
    const clock = new FixedClock(NOW);
    const outboxRows = new TableOutboxRepository(tables.client('Cases'), tables.client('Outbox'));
    const deskUpdates: string[] = [];
    const notifier = { updateDeskCard: async (c: Case) => void deskUpdates.push(c.id) } as unknown as CaseNotifier;
    const later: { svc?: MeetingService } = {};
    const runner = new CaseEffectRunner({ notifier, scheduler: { scheduleFor: async () => undefined }, recidive: new Recidive({ add: async () => undefined, find: async () => [], filedInProvince: async () => [] }), figures: { applyCaseChange: async () => 'applied' }, meetings: () => later.svc });
    const outbox = new OutboxService({ store: outboxRows, runner, clock, logger: silentLogger, options: { instanceId: 'test' } });
    const svc = service(calendar, clock, async (caseId, meetingId) => outboxRows.add(caseId, [{ kind: 'syncMeetingCalendar', meetingId }], new Date(clock.now().getTime() + 30_000)));
    later.svc = svc;
    const c = await takenCase();
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;

    const failed = done(await svc.book(c.id, HANDLER, meetingId, request()));
    expect(failed.record.sync.state).toBe('failed');

    // Not due yet; then due: the first attempt meets Graph busy again and is put back with a back-off.
    expect((await outbox.drain(c.id)).done).toBe(0);
    clock.current = new Date(NOW.getTime() + 31_000);
    const first = await outbox.drain(c.id);
    expect(first.done).toBe(0);
    expect(deskUpdates).toEqual([]);
    clock.current = first.nextLookAt ?? clock.current;
    expect((await outbox.drain(c.id)).done).toBe(1);

    const stored = (await meetingRows.get(c.id, meetingId))!.record;
    expect(stored.sync).toEqual({ state: 'done', operation: 'create' });
    expect(deskUpdates).toEqual([c.id]);
    expect(calendar.events.size).toBe(1);
    expect((await outboxRows.load(c.id)).rows).toEqual([]);
  });
});

describe('without Graph (.ics)', () => {
  it('records the meeting, serves it by its token, and serves the cancellation after a cancel', async () => {
    const svc = service(undefined);
    const c = await takenCase();
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    // Other tests leave this handler meetings on Tuesday at 12:00: without Graph the booking would warn of them.
    const booked = done(await svc.book(c.id, HANDLER, meetingId, request({ date: '2026-12-03', time: '14:00' })));
    expect(booked.record.plan.calendar).toBe('ics');
    expect(booked.record.sync.state).toBe('done');

    const source = await svc.icsSource(booked.record.icsToken);
    expect(source).toMatchObject({ caseNumber: c.caseNumber, organiser: { email: HANDLER_MAIL, name: 'Anna Afhandelaar' }, plan: { id: meetingId, status: 'planned', revision: 0 } });
    const moved = done(await svc.reschedule(c.id, HANDLER, meetingId, { date: '2026-12-02', time: '09:00', durationMinutes: '60', online: 'false', location: 'Stadhuis' }));
    expect((await svc.icsSource(moved.record.icsToken))?.plan.revision).toBe(1);
    done(await svc.cancel(c.id, HANDLER, meetingId));
    expect((await svc.icsSource(booked.record.icsToken))?.plan).toMatchObject({ status: 'cancelled', revision: 2 });

    expect(await svc.icsSource('x'.repeat(43))).toBeUndefined();
    expect(await svc.icsSource('../etc/passwd')).toBeUndefined();
  });

  it('a Graph meeting has no .ics link', async () => {
    const svc = service(new StandInCalendar());
    const c = await takenCase();
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    const booked = done(await svc.book(c.id, HANDLER, meetingId, request()));
    expect(await svc.icsSource(booked.record.icsToken)).toBeUndefined();
  });
});

describe('meeting rows', () => {
  it('refuse a write with a stale ETag, and validate what they store', async () => {
    const svc = service(undefined);
    const c = await takenCase();
    const meetingId = form(await svc.planningForm(c.id, HANDLER)).meetingId;
    done(await svc.book(c.id, HANDLER, meetingId, request({ date: '2026-12-03', time: '16:00' })));
    const first = (await meetingRows.get(c.id, meetingId))!;
    await meetingRows.replace({ ...first.record, updatedAt: at('2026-11-30T09:05:00Z') }, first.etag);
    await expect(meetingRows.replace({ ...first.record, updatedAt: at('2026-11-30T09:06:00Z') }, first.etag)).rejects.toMatchObject({ code: 'STORAGE.CONFLICT' });
    await expect(meetingRows.replace({ ...first.record, icsToken: 'short' }, '*')).rejects.toMatchObject({ code: 'STORAGE.INVALID' });
  });
});
