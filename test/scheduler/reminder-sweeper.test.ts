import { silentLogger } from '../../src/app/logger';
import type { CaseReader } from '../../src/app/ports';
import type { DeliveryFailure, ReminderMessage, ReminderSender, SendResult } from '../../src/app/reminder-ports';
import { ReminderService, type ReminderServiceOptions, type SweepReport } from '../../src/app/reminder.service';
import { submitCase, type Case } from '../../src/domain/case';
import type { Clock } from '../../src/domain/clock';
import { parseDirectory, type Directory } from '../../src/domain/directory';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import {
  backoffMs,
  ConversationPacer,
  PacedDelivery,
  ReminderSweeper,
  type PacingLimits,
  type Timer,
} from '../../src/scheduler/reminder-sweeper';
import { TableReminderRepository } from '../../src/storage/reminder.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const INCIDENT = new Date('2026-11-30T09:00:00Z');
const COORDINATOR = 'aaaaaaaa-0000-4000-8000-000000000900';

/** A clock the test moves; sleeping jumps it forward instead of waiting, and ends early on abort. */
class FakeTime implements Clock, Timer {
  private t: number;
  readonly sleeps: number[] = [];
  constructor(start: Date) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(date: Date): void {
    this.t = date.getTime();
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    const target = this.t + ms;
    await new Promise((resolve) => setImmediate(resolve));
    if (!signal?.aborted) this.t = Math.max(this.t, target);
  }
}

function directory(): Directory {
  const person = (aadObjectId: string, name: string) => ({ aadObjectId, name });
  const handler = person('aaaaaaaa-0000-4000-8000-000000000201', 'Afhandelaar');
  const parsed = parseDirectory({
    version: 1,
    tenantId: 'tenant',
    coordinatorVpt: person(COORDINATOR, 'Coördinator VPT'),
    organisations: [
      {
        organisationId: 'gemeente-utrecht',
        desks: [
          { role: 'gemeentesecretaris', channel: { teamId: '19:utrecht', channelId: '19:desk' }, handlers: [handler] },
          { role: 'griffier', channel: { teamId: '19:utrecht', channelId: '19:griffie' }, handlers: [handler] },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.directory;
}

function newCase(index: number, incidentAt: Date, registeredAt: Date): Case {
  return submitCase(
    {
      id: `case-${index}`,
      caseNumber: `WB-2026-${String(index + 1).padStart(5, '0')}`,
      organisationId: 'gemeente-utrecht',
      officeHolder: { aadObjectId: `aaaaaaaa-0000-4000-8000-${String(index).padStart(12, '0')}`, name: 'Wethouder', role: 'wethouder' },
      report: {
        incidentAt: incidentAt.toISOString().replace('.000', ''),
        place: { mode: 'online', channel: 'email' },
        description: 'Dreigende e-mail.',
        level: 4,
        kinds: ['bedreiging'],
        perpetrator: { known: false, type: 'persoon' },
        evidence: { files: [] },
        injury: [],
        damage: { propertyDamage: false, absenceFromWork: false },
        criminalOffenceSuspected: 'no',
        feltHindered: true,
      },
    },
    registeredAt,
    calendar,
  ).case;
}

class MemoryCases implements CaseReader {
  readonly cases = new Map<string, Case>();
  async get(id: string) {
    const c = this.cases.get(id);
    return c && { case: c, etag: 'x' };
  }
}

class RecordingSender implements ReminderSender {
  readonly calls: { message: ReminderMessage; at: number }[] = [];
  readonly delivered: ReminderMessage[] = [];
  constructor(
    private readonly clock: Clock,
    private readonly script: (message: ReminderMessage, call: number) => SendResult = () => 'sent',
  ) {}
  async send(message: ReminderMessage): Promise<SendResult> {
    this.calls.push({ message, at: this.clock.now().getTime() });
    // Yield, so concurrent sweepers really interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const result = this.script(message, this.calls.filter((c) => c.message.reminderId === message.reminderId).length);
    if (result === 'sent') this.delivered.push(message);
    return result;
  }
  callTimes(reminderId: string): number[] {
    return this.calls.filter((c) => c.message.reminderId === reminderId).map((c) => c.at);
  }
}

describe('reminder sweeping', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('sweeper'));
  let tableCount = 0;

  async function world(start: Date) {
    const name = `Reminders${++tableCount}`;
    await tables.ensureTables([name]);
    const time = new FakeTime(start);
    const cases = new MemoryCases();
    const failures: DeliveryFailure[] = [];
    const dir = directory();
    const process = (sender: ReminderSender, pacing: PacingLimits = { perConversationIntervalMs: 0, globalIntervalMs: 0 }, options: ReminderServiceOptions = {}) =>
      new ReminderService({
        store: new TableReminderRepository(tables.client(name)),
        cases,
        directory: dir,
        delivery: new PacedDelivery({ sender, pacer: new ConversationPacer(time, pacing), clock: time, timer: time }, { random: () => 0.5 }),
        failures: { record: async (f) => void failures.push(f) },
        clock: time,
        workingDays: calendar,
        logger: silentLogger,
        options: { aftercareCheckIn: false, ...options },
      });
    const addCase = async (c: Case) => {
      cases.cases.set(c.id, c);
      await process(new RecordingSender(time)).scheduleFor(c);
    };
    return { time, cases, failures, process, addCase, store: new TableReminderRepository(tables.client(name)) };
  }

  describe.each([2, 3])('%i sweepers racing on the same storage', (sweepers) => {
    it('deliver every reminder exactly once, none lost', async () => {
      const w = await world(INCIDENT);
      // 40 cases, incidents a minute apart: each round below has 40 rows due across 40 buckets.
      for (let i = 0; i < 40; i++) {
        const incident = plus(INCIDENT, i * MINUTE);
        w.time.set(plus(incident, HOUR));
        await w.addCase(newCase(i, incident, plus(incident, HOUR)));
      }
      const senders = Array.from({ length: sweepers }, () => new RecordingSender(w.time));
      const processes = senders.map((sender, i) => w.process(sender, undefined, { instanceId: `p${i}`, concurrency: 3 }));
      // After each moment of every case: 50 %, 75 %, 1 hour before, deadline (overdue + escalation).
      for (const moment of [37 * HOUR, 55 * HOUR, 72 * HOUR - 30 * SECOND, 73 * HOUR]) {
        w.time.set(plus(INCIDENT, moment));
        await Promise.all(processes.map((p) => p.sweep()));
        await Promise.all(processes.map((p) => p.sweep()));
      }
      const delivered = senders.flatMap((s) => s.delivered.map((m) => m.reminderId));
      const counts = new Map<string, number>();
      for (const id of delivered) counts.set(id, (counts.get(id) ?? 0) + 1);
      expect(delivered).toHaveLength(40 * 5);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(senders.filter((s) => s.delivered.length > 0).length).toBeGreaterThan(1); // the work was really shared
      for (let i = 0; i < 40; i++) {
        const rows = await w.store.listForCase(`case-${i}`);
        expect(rows.map((r) => r.status)).toEqual(Array(5).fill('sent'));
      }
    });
  });

  it('paces a burst to one conversation: one message per second, other conversations are not held up', async () => {
    const w = await world(INCIDENT);
    for (let i = 0; i < 5; i++) await w.addCase(newCase(i, INCIDENT, plus(INCIDENT, HOUR)));
    const sender = new RecordingSender(w.time);
    // One at a time, so the fake clock (which jumps on every sleep) shows exact send times.
    const service = w.process(sender, { perConversationIntervalMs: SECOND, globalIntervalMs: 0 }, { concurrency: 1 });
    const start = plus(INCIDENT, 72 * HOUR); // 5 overdue notices to the desk, 5 escalations to the coordinator
    w.time.set(start);
    const report = await service.sweep();
    expect(report.sent).toBe(10);
    const times = (key: string) => sender.calls.filter((c) => c.message.conversationKey === key).map((c) => c.at - start.getTime()).sort((a, b) => a - b);
    const gaps = (list: number[]) => list.slice(1).map((t, i) => t - (list[i] as number));
    expect(times('channel:19:desk')).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(gaps(times(`user:${COORDINATOR}`)).every((gap) => gap >= SECOND)).toBe(true);
    // The two conversations take turns: neither waits for the other's burst (4 s in all, not 9 s).
    expect(times(`user:${COORDINATOR}`)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('the pacer keeps the global gap without pushing other conversations behind a busy one', () => {
    const time = new FakeTime(INCIDENT);
    const pacer = new ConversationPacer(time, { perConversationIntervalMs: 1000, globalIntervalMs: 100 });
    const t0 = INCIDENT.getTime();
    expect([pacer.reserve('a'), pacer.reserve('a'), pacer.reserve('a')].map((t) => t - t0)).toEqual([0, 1000, 2000]);
    expect(pacer.reserve('b') - t0).toBe(100);
    expect(pacer.reserve('c') - t0).toBe(200);
    pacer.pause('b', t0 + 5000);
    expect(pacer.reserve('b') - t0).toBe(5000);
  });

  it('on 429 waits the Retry-After, then retries the same reminder and sends it once', async () => {
    const w = await world(plus(INCIDENT, HOUR));
    await w.addCase(newCase(1, INCIDENT, plus(INCIDENT, HOUR)));
    const sender = new RecordingSender(w.time, (_m, call) => (call === 1 ? { retryAfterMs: 3000 } : 'sent'));
    const service = w.process(sender, { perConversationIntervalMs: SECOND, globalIntervalMs: 0 });
    w.time.set(plus(INCIDENT, 37 * HOUR));
    await service.sweep();
    const [first, second] = sender.callTimes('case-1:measures:halfway') as [number, number];
    expect(second - first).toBeGreaterThanOrEqual(3000);
    expect(sender.delivered.map((m) => m.kind)).toEqual(['halfway']);
    const [row] = (await w.store.listForCase('case-1')).filter((r) => r.kind === 'halfway');
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('on 429 with a Retry-After beyond the lease hands the reminder back and sends it after that time', async () => {
    const w = await world(plus(INCIDENT, HOUR));
    await w.addCase(newCase(2, INCIDENT, plus(INCIDENT, HOUR)));
    const sender = new RecordingSender(w.time, (_m, call) => (call === 1 ? { retryAfterMs: 10 * MINUTE } : 'sent'));
    const service = w.process(sender);
    const due = plus(INCIDENT, 37 * HOUR);
    w.time.set(due);
    const report = await service.sweep();
    expect(report.retryLater).toBe(1);
    expect(report.nextAttemptAt).toEqual(plus(due, 10 * MINUTE));
    w.time.set(plus(due, 5 * MINUTE));
    await service.sweep();
    expect(sender.calls).toHaveLength(1);
    w.time.set(plus(due, 10 * MINUTE));
    await service.sweep();
    expect(sender.delivered).toHaveLength(1);
    const [row] = (await w.store.listForCase('case-2')).filter((r) => r.kind === 'halfway');
    expect(row).toMatchObject({ status: 'sent', attempts: 1 }); // a 429 does not use up an attempt
  });

  it('retries a transient error with growing backoff and sends once it works', async () => {
    const w = await world(plus(INCIDENT, HOUR));
    await w.addCase(newCase(3, INCIDENT, plus(INCIDENT, HOUR)));
    const sender = new RecordingSender(w.time, (_m, call) => (call < 3 ? 'transient' : 'sent'));
    const service = w.process(sender);
    w.time.set(plus(INCIDENT, 37 * HOUR));
    await service.sweep();
    const times = sender.callTimes('case-3:measures:halfway');
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([2000, 4000]);
    const [row] = (await w.store.listForCase('case-3')).filter((r) => r.kind === 'halfway');
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('gives up after 5 transient attempts: recorded as failed and reported, never retried again', async () => {
    const w = await world(plus(INCIDENT, HOUR));
    await w.addCase(newCase(4, INCIDENT, plus(INCIDENT, HOUR)));
    const sender = new RecordingSender(w.time, () => 'transient');
    const service = w.process(sender);
    w.time.set(plus(INCIDENT, 37 * HOUR));
    await service.sweep();
    w.time.set(plus(INCIDENT, 38 * HOUR));
    await service.sweep();
    expect(sender.calls).toHaveLength(5);
    expect(w.failures).toEqual([expect.objectContaining({ reminderId: 'case-4:measures:halfway', reason: 'transient', attempts: 5 })]);
    const [row] = (await w.store.listForCase('case-4')).filter((r) => r.kind === 'halfway');
    expect(row).toMatchObject({ status: 'failed', failureReason: 'transient', attempts: 5 });
  });

  it('backoff doubles per attempt, is capped, and jitters by at most 20 %', () => {
    const settings = { baseBackoffMs: 2000, maxBackoffMs: 60_000 };
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, { ...settings, random: () => 0.5 }))).toEqual([2000, 4000, 8000, 16000, 60000]);
    expect(backoffMs(1, { ...settings, random: () => 0 })).toBe(1600);
    expect(backoffMs(1, { ...settings, random: () => 0.999999 })).toBe(2400);
  });

  it('the loop sweeps at start, then every interval, sooner when a retry is due, and stops cleanly', async () => {
    const time = new FakeTime(INCIDENT);
    const sweeps: number[] = [];
    const service = {
      sweep: async (now?: Date): Promise<SweepReport> => {
        sweeps.push((now ?? time.now()).getTime() - INCIDENT.getTime());
        const base = { read: 0, sent: 0, late: 0, failed: 0, cancelled: 0, superseded: 0, retryLater: 0, skipped: 0 };
        return sweeps.length === 1 ? { ...base, nextAttemptAt: plus(time.now(), 5 * SECOND) } : base;
      },
    };
    const sweeper = new ReminderSweeper({ service, clock: time, timer: time, logger: silentLogger }, { intervalMs: 30 * SECOND });
    sweeper.start();
    sweeper.start(); // a second start does nothing
    while (sweeps.length < 3) await new Promise((resolve) => setImmediate(resolve));
    await sweeper.stop();
    const count = sweeps.length;
    expect(sweeps.slice(0, 3)).toEqual([0, 5 * SECOND, 35 * SECOND]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sweeps).toHaveLength(count);
  });

  it('the loop survives a failing sweep (storage outage) and tries again next interval', async () => {
    const time = new FakeTime(INCIDENT);
    let calls = 0;
    const service = {
      sweep: async (): Promise<SweepReport> => {
        calls++;
        if (calls === 1) throw new Error('storage down');
        return { read: 0, sent: 0, late: 0, failed: 0, cancelled: 0, superseded: 0, retryLater: 0, skipped: 0 };
      },
    };
    const sweeper = new ReminderSweeper({ service, clock: time, timer: time, logger: silentLogger }, { intervalMs: 10 * SECOND });
    sweeper.start();
    while (calls < 2) await new Promise((resolve) => setImmediate(resolve));
    await sweeper.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
