import { silentLogger } from '../../src/app/logger';
import type { CaseReader } from '../../src/app/ports';
import type { DeliveryFailure, ReminderMessage, ReminderSender, ReminderStore, SendResult, StoredReminder } from '../../src/app/reminder-ports';
import { ReminderService, type ReminderServiceOptions } from '../../src/app/reminder.service';
import { reachGoal, submitCase, withoutGoal, type Case } from '../../src/domain/case';
import type { Clock } from '../../src/domain/clock';
import { parseDirectory, type Directory } from '../../src/domain/directory';
import type { IncidentReport } from '../../src/domain/report';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { ConversationPacer, PacedDelivery, type Timer } from '../../src/scheduler/reminder-sweeper';
import { TableReminderRepository } from '../../src/storage/reminder.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { sampleReport } from '../support/sample-report';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);

const COORDINATOR = 'aaaaaaaa-0000-4000-8000-000000000900';
const HANDLER = 'aaaaaaaa-0000-4000-8000-000000000201';
const OFFICE_HOLDER = 'aaaaaaaa-0000-4000-8000-000000000301';
const DESK_CHANNEL = '19:gemeentesecretaris@thread.tacv2';

function directory(): Directory {
  const person = (aadObjectId: string, name: string) => ({ aadObjectId, name });
  const parsed = parseDirectory({
    version: 1,
    tenantId: 'tenant',
    coordinatorVpt: person(COORDINATOR, 'Coördinator VPT'),
    organisations: [
      {
        organisationId: 'gemeente-utrecht',
        desks: [
          { role: 'gemeentesecretaris', channel: { teamId: '19:utrecht@thread.tacv2', channelId: DESK_CHANNEL }, handlers: [person(HANDLER, 'Afhandelaar')] },
          { role: 'griffier', channel: { teamId: '19:utrecht@thread.tacv2', channelId: '19:griffie@thread.tacv2' }, handlers: [person(HANDLER, 'Afhandelaar')] },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.directory;
}

/** A clock the test moves; sleeping jumps it forward (nothing really waits). */
class FakeTime implements Clock, Timer {
  private t: number;
  constructor(start: Date) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(date: Date): void {
    this.t = date.getTime();
  }
  async sleep(ms: number): Promise<void> {
    const target = this.t + ms;
    await new Promise((resolve) => setImmediate(resolve));
    this.t = Math.max(this.t, target);
  }
}

class MemoryCases implements CaseReader {
  private readonly cases = new Map<string, Case>();
  put(c: Case): void {
    this.cases.set(c.id, c);
  }
  async get(id: string) {
    const c = this.cases.get(id);
    return c && { case: c, etag: 'x' };
  }
}

/** Records what reached Teams; `script` decides each answer (default: sent). */
class RecordingSender implements ReminderSender {
  readonly delivered: { message: ReminderMessage; at: Date }[] = [];
  readonly calls: ReminderMessage[] = [];
  constructor(
    private readonly clock: Clock,
    private readonly script: (message: ReminderMessage, call: number) => SendResult | Promise<SendResult> = () => 'sent',
  ) {}
  async send(message: ReminderMessage): Promise<SendResult> {
    this.calls.push(message);
    const at = this.clock.now();
    const result = await this.script(message, this.calls.filter((m) => m.reminderId === message.reminderId).length);
    if (result === 'sent') this.delivered.push({ message, at });
    return result;
  }
  kinds(): string[] {
    return this.delivered.map((d) => `${d.message.topic}:${d.message.kind}`);
  }
}

function newCase(id: string, registeredAt: Date, overrides: Partial<IncidentReport> = {}): Case {
  const sequence = 1 + (Number.parseInt(id.replace(/\D/g, ''), 10) || 0);
  return submitCase(
    {
      id,
      caseNumber: `WB-2026-${String(sequence).padStart(5, '0')}`,
      organisationId: 'gemeente-utrecht',
      officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'Test Burgemeester', role: 'burgemeester' },
      report: sampleReport(overrides),
    },
    registeredAt,
    calendar,
  ).case;
}

const INCIDENT = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 CET
const DEADLINE_72H = plus(INCIDENT, 72 * HOUR);

describe('ReminderService', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('remsvc'));
  let tableCount = 0;

  async function setup(options: { sender?: (clock: Clock) => RecordingSender; service?: ReminderServiceOptions; start?: Date } = {}) {
    const name = `Reminders${++tableCount}`;
    await tables.ensureTables([name]);
    const time = new FakeTime(options.start ?? INCIDENT);
    const cases = new MemoryCases();
    const failures: DeliveryFailure[] = [];
    const store = new TableReminderRepository(tables.client(name));
    const dir = directory();
    const build = (sender: RecordingSender, instanceId: string, overrides: ReminderServiceOptions = {}) =>
      new ReminderService({
        store: new TableReminderRepository(tables.client(name)),
        cases,
        directory: dir,
        delivery: new PacedDelivery(
          { sender, pacer: new ConversationPacer(time, { perConversationIntervalMs: 1000, globalIntervalMs: 0 }), clock: time, timer: time },
          { random: () => 0.5 },
        ),
        failures: { record: async (failure) => void failures.push(failure) },
        clock: time,
        workingDays: calendar,
        logger: silentLogger,
        options: { instanceId, aftercareCheckIn: false, ...options.service, ...overrides },
      });
    const sender = options.sender?.(time) ?? new RecordingSender(time);
    return { time, cases, failures, store, sender, service: build(sender, 'one'), build };
  }

  async function statuses(store: ReminderStore, caseId: string): Promise<Record<string, StoredReminder>> {
    return Object.fromEntries((await store.listForCase(caseId)).map((r) => [`${r.topic}:${r.kind}`, r]));
  }

  it('a case reported 70 hours after the incident: one notice at once, the 1-hour reminder, then overdue and escalation, each once', async () => {
    const registeredAt = plus(INCIDENT, 70 * HOUR);
    const { time, cases, service, sender } = await setup({ start: registeredAt });
    const c = newCase('case-70', registeredAt);
    cases.put(c);
    await service.scheduleFor(c);

    await service.sweep();
    expect(sender.kinds()).toEqual(['measures:threeQuarters']);
    expect(sender.delivered[0]?.message.text).toContain('(nog 2 uur)');
    expect(sender.delivered[0]?.message).toMatchObject({ late: false, recipient: 'handlerDesk', conversationKey: `channel:${DESK_CHANNEL}` });

    time.set(plus(registeredAt, 30 * MINUTE));
    await service.sweep();
    expect(sender.delivered).toHaveLength(1);

    time.set(plus(DEADLINE_72H, -HOUR));
    await service.sweep();
    expect(sender.kinds()).toEqual(['measures:threeQuarters', 'measures:oneHourBefore']);

    time.set(DEADLINE_72H);
    await service.sweep();
    time.set(plus(DEADLINE_72H, 5 * MINUTE));
    await service.sweep();
    // Overdue notice and escalation go out in the same sweep, in either order.
    expect(sender.kinds().slice(2).sort()).toEqual(['measures:escalation', 'measures:overdue']);
    expect(sender.delivered).toHaveLength(4);
    const escalation = sender.delivered.find((d) => d.message.kind === 'escalation')?.message;
    expect(escalation).toMatchObject({ recipient: 'escalation', target: { kind: 'user', aadObjectId: COORDINATOR }, conversationKey: `user:${COORDINATOR}` });
    expect(sender.delivered.find((d) => d.message.kind === 'overdue')?.message.text).toContain('Coördinator VPT');
  });

  it('the same, with two bot processes sweeping the same storage at the same moments: still each exactly once', async () => {
    const registeredAt = plus(INCIDENT, 70 * HOUR);
    const { time, cases, build, sender } = await setup({ start: registeredAt });
    const second = new RecordingSender(time);
    const processes = [build(sender, 'one'), build(second, 'two')];
    const c = newCase('case-71', registeredAt);
    cases.put(c);
    await Promise.all(processes.map((p) => p.scheduleFor(c))); // both react to the submission

    for (const moment of [registeredAt, plus(DEADLINE_72H, -HOUR), DEADLINE_72H, plus(DEADLINE_72H, 10 * MINUTE)]) {
      time.set(moment);
      await Promise.all(processes.map((p) => p.sweep()));
    }
    const all = [...sender.delivered, ...second.delivered].map((d) => `${d.message.topic}:${d.message.kind}`).sort();
    expect(all).toEqual(['measures:escalation', 'measures:oneHourBefore', 'measures:overdue', 'measures:threeQuarters']);
  });

  it('reaching the goal cancels what is still pending for it', async () => {
    const { time, cases, service, sender, store } = await setup({ start: plus(INCIDENT, HOUR) });
    const c = newCase('case-goal', time.now(), { injury: ['physical'] });
    cases.put(c);
    await service.scheduleFor(c);

    time.set(plus(INCIDENT, 13 * HOUR)); // past the halfway point of the 24-hour deadline
    await service.sweep();
    expect(sender.kinds()).toEqual(['labourInspectorate:halfway']);

    const done = reachGoal(c, 'labourInspectorate', time.now());
    cases.put(done);
    const summary = await service.scheduleFor(done);
    expect(summary.cancelled).toBe(4);
    const rows = await statuses(store, c.id);
    expect(rows['labourInspectorate:halfway']?.status).toBe('sent');
    expect(rows['labourInspectorate:threeQuarters']).toMatchObject({ status: 'cancelled', cancelReason: 'goalReached' });
    expect(rows['labourInspectorate:escalation']).toMatchObject({ status: 'cancelled', cancelReason: 'goalReached' });
    expect(rows['measures:overdue']?.status).toBe('pending');

    time.set(plus(INCIDENT, 25 * HOUR));
    await service.sweep();
    expect(sender.kinds().filter((k) => k.startsWith('labourInspectorate'))).toEqual(['labourInspectorate:halfway']);
  });

  it('a goal recorded by mistake and then withdrawn brings its reminders back', async () => {
    const { time, cases, service, sender } = await setup({ start: plus(INCIDENT, HOUR) });
    const c = newCase('case-undo', time.now());
    cases.put(c);
    await service.scheduleFor(c);
    const reached = reachGoal(reachGoal(c, 'measures', time.now()), 'incidentMeeting', time.now());
    cases.put(reached);
    expect((await service.scheduleFor(reached)).cancelled).toBe(5);
    const corrected = withoutGoal(withoutGoal(reached, 'measures'), 'incidentMeeting');
    cases.put(corrected);
    expect((await service.scheduleFor(corrected)).created).toBe(5);
    time.set(plus(INCIDENT, 37 * HOUR));
    await service.sweep();
    expect(sender.kinds()).toEqual(['measures:halfway']);
  });

  it('checks the case again before sending: a goal reached without re-planning still stops the reminder', async () => {
    const { time, cases, service, sender, store } = await setup({ start: plus(INCIDENT, HOUR) });
    const c = newCase('case-race', time.now());
    cases.put(c);
    await service.scheduleFor(c);
    cases.put(reachGoal(reachGoal(c, 'measures', time.now()), 'incidentMeeting', time.now()));
    time.set(plus(INCIDENT, 37 * HOUR));
    const report = await service.sweep();
    expect(report.cancelled).toBe(1);
    expect(sender.delivered).toHaveLength(0);
    expect((await statuses(store, c.id))['measures:halfway']).toMatchObject({ status: 'cancelled', cancelReason: 'goalReached' });
  });

  it('a restart in the middle of a sweep: what was sent stays sent, what was in flight is sent once after its lease expires', async () => {
    const { time, cases, build, store } = await setup({ start: plus(INCIDENT, HOUR) });
    const ids = ['case-r1', 'case-r2', 'case-r3'];
    const setupService = build(new RecordingSender(time), 'setup');
    for (const id of ids) {
      const c = newCase(id, time.now());
      cases.put(c);
      await setupService.scheduleFor(c);
    }
    time.set(plus(INCIDENT, 37 * HOUR)); // three halfway reminders due

    // Process A sends the first, then "dies" while sending the second (its send never returns).
    let hang: () => void = () => undefined;
    const crashed: RecordingSender = new RecordingSender(time, (): SendResult | Promise<SendResult> =>
      crashed.calls.length === 1 ? 'sent' : new Promise<SendResult>((resolve) => (hang = () => resolve('sent'))),
    );
    const a = build(crashed, 'a', { concurrency: 1 });
    void a.sweep();
    while (crashed.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(crashed.delivered).toHaveLength(1);

    // Process B starts at once: the in-flight row is leased, the third is free.
    const recovered = new RecordingSender(time);
    const b = build(recovered, 'b');
    await b.sweep();
    expect(recovered.delivered).toHaveLength(1);

    // After the lease (2 minutes) expired, B takes over the in-flight one.
    time.set(plus(time.now(), 3 * MINUTE));
    await b.sweep();
    await b.sweep();
    expect(recovered.delivered).toHaveLength(2);
    const all = [...crashed.delivered, ...recovered.delivered].map((d) => d.message.caseId).sort();
    expect(all).toEqual(ids);
    for (const id of ids) expect((await statuses(store, id))['measures:halfway']?.status).toBe('sent');
    hang(); // let the abandoned promise settle; its lease is gone, so it cannot mark the row again
  });

  it('after downtime sends what fell due at start, marked late, with only the latest reminder per deadline', async () => {
    const { time, cases, service, sender, store } = await setup({ start: plus(INCIDENT, HOUR) });
    const c = newCase('case-down', time.now());
    cases.put(c);
    await service.scheduleFor(c);

    time.set(plus(DEADLINE_72H, 8 * HOUR)); // the bot was down from before the halfway point until now
    const report = await service.sweep();
    expect(sender.kinds().sort()).toEqual(['measures:escalation', 'measures:overdue']);
    expect(sender.delivered.every((d) => d.message.late && d.message.text.includes('Dit bericht komt later dan gepland'))).toBe(true);
    expect(report).toMatchObject({ sent: 2, late: 2, superseded: 3 });
    const rows = await statuses(store, c.id);
    expect(rows['measures:overdue']).toMatchObject({ status: 'sent', late: true });
    expect(rows['measures:halfway']).toMatchObject({ status: 'superseded', supersededBy: 'case-down:measures:overdue' });

    await service.sweep();
    expect(sender.delivered).toHaveLength(2);
  });

  it('a permanent failure (bot removed, user blocked it) is recorded on the row and reported, and not retried', async () => {
    const { time, cases, failures, store, build } = await setup({ start: plus(INCIDENT, 71 * HOUR) });
    const blocked = new RecordingSender(time, (m) => (m.recipient === 'escalation' ? 'permanent' : 'sent'));
    const service = build(blocked, 'one');
    const c = newCase('case-perm', time.now());
    cases.put(c);
    await service.scheduleFor(c);
    time.set(DEADLINE_72H);
    await service.sweep();
    time.set(plus(DEADLINE_72H, HOUR));
    await service.sweep();

    expect(blocked.calls.filter((m) => m.recipient === 'escalation')).toHaveLength(1);
    expect(failures).toEqual([expect.objectContaining({ caseId: c.id, caseNumber: c.caseNumber, kind: 'escalation', reason: 'permanent', attempts: 1 })]);
    expect((await statuses(store, c.id))['measures:escalation']).toMatchObject({ status: 'failed', failureReason: 'permanent' });
  });

  it('the aftercare check-in reaches the office holder after a week, and can be switched off', async () => {
    const on = await setup({ start: plus(INCIDENT, HOUR), service: { aftercareCheckIn: true } });
    const c = newCase('case-care', on.time.now());
    on.cases.put(c);
    await on.service.scheduleFor(c);
    on.time.set(plus(c.registeredAt, 7 * DAY));
    await on.service.sweep();
    const checkIn = on.sender.delivered.find((d) => d.message.kind === 'aftercareCheckIn');
    expect(checkIn?.message).toMatchObject({ recipient: 'officeHolder', target: { kind: 'user', aadObjectId: OFFICE_HOLDER } });
    expect(checkIn?.message.text).toContain('Hoe gaat het met je?');

    const off = await setup({ start: plus(INCIDENT, HOUR), service: { aftercareCheckIn: false } });
    const other = newCase('case-nocare', off.time.now());
    off.cases.put(other);
    await off.service.scheduleFor(other);
    expect((await off.store.listForCase(other.id)).some((r) => r.kind === 'aftercareCheckIn')).toBe(false);

    // Planned while on, switched off before it fell due: not sent.
    const later = await setup({ start: plus(INCIDENT, HOUR), service: { aftercareCheckIn: true } });
    const third = newCase('case-switched', later.time.now());
    later.cases.put(third);
    await later.service.scheduleFor(third);
    const switchedOff = later.build(later.sender, 'one', { aftercareCheckIn: false });
    later.time.set(plus(third.registeredAt, 7 * DAY));
    await switchedOff.sweep();
    expect(later.sender.delivered.some((d) => d.message.kind === 'aftercareCheckIn')).toBe(false);
    expect((await statuses(later.store, third.id))['aftercare:aftercareCheckIn']).toMatchObject({ status: 'cancelled', cancelReason: 'switchedOff' });
  });
});
