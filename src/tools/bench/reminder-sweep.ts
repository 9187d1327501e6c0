import { performance } from 'node:perf_hooks';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { silentLogger } from '../../app/logger';
import type { ReminderSender, StoredReminder } from '../../app/reminder-ports';
import { ReminderService } from '../../app/reminder.service';
import { submitCase, type Case } from '../../domain/case';
import type { Clock } from '../../domain/clock';
import { parseDirectory } from '../../domain/directory';
import type { ReminderKind } from '../../domain/reminders';
import { workingDayCalendar } from '../../config/decree-days';
import { ConversationPacer, PacedDelivery, realTimer } from '../../scheduler/reminder-sweeper';
import { startAzurite } from '../../storage/azurite';
import { TableCaseRepository } from '../../storage/case.repository';
import { dueBucket, pendingReminder, reminderEntity, TableReminderRepository } from '../../storage/reminder.repository';
import { createTableClientFactory } from '../../storage/table-clients';
import { countEntityReads } from '../../storage/counting-table-client';

/**
 * `npm run bench`, part one: one sweep of 1,000 due reminders among 100,000 pending ones far in
 * the future, on an in-process Azurite. Prints the time the sweep took and how many table entities it read,
 * which shows that a sweep reads the due-time partitions only, never the whole table.
 */

const FUTURE_ROWS = 100_000;
const DUE_CASES = 250;
const DUE_PER_CASE = 4; // overdue + escalation of the 24-hour and the 72-hour deadline
const BATCH = 100; // the most a Table Storage transaction holds, all in one partition
const PARALLEL_BATCHES = 8;
const NOW = new Date('2026-12-03T10:00:00Z');
const MINUTE = 60_000;
/** The shipped decree days, as the bot uses them without DECREE_DAYS_PATH. */
const workingDays = workingDayCalendar(undefined);

function benchCase(index: number): Case {
  const incidentAt = new Date(NOW.getTime() - 72 * 60 * MINUTE - (index % 60) * MINUTE);
  return submitCase(
    {
      id: `bench-${index}`,
      caseNumber: `WB-2026-${String(index + 1).padStart(5, '0')}`,
      organisationId: 'gemeente-utrecht',
      officeHolder: { aadObjectId: `aaaaaaaa-0000-4000-8000-${String(index).padStart(12, '0')}`, name: 'Wethouder', role: 'wethouder' },
      report: {
        incidentAt: incidentAt.toISOString().replace('.000', ''),
        place: { mode: 'online', channel: 'email' },
        description: 'Benchmark.',
        level: 4,
        kinds: ['bedreiging'],
        perpetrator: { known: false, type: 'persoon' },
        evidence: { files: [] },
        injury: ['mental'],
        damage: { propertyDamage: false, absenceFromWork: false },
        criminalOffenceSuspected: 'no',
        feltHindered: true,
      },
    },
    new Date(incidentAt.getTime() + 60 * MINUTE),
    workingDays,
  ).case;
}

function row(caseId: string, topic: 'measures' | 'labourInspectorate', kind: ReminderKind, sendAt: Date): StoredReminder {
  return pendingReminder(
    {
      id: `${caseId}:${topic}:${kind}`,
      caseId,
      caseNumber: 'WB-2026-00001',
      organisationId: 'gemeente-utrecht',
      topic,
      topics: topic === 'measures' ? ['measures'] : ['labourInspectorate'],
      kind,
      recipient: { kind: kind === 'escalation' ? 'escalation' : 'handlerDesk' },
      dueAt: sendAt,
      sendAt,
      catchUp: false,
      deadlineAt: sendAt,
    },
    new Date(NOW.getTime() - 3 * 24 * 60 * MINUTE),
  );
}

/** Writes rows in transactions of 100 per partition, a few transactions at a time. */
async function seed(client: TableClient, rows: readonly { partitionKey: string; reminder: StoredReminder }[]): Promise<void> {
  const batches: TransactionAction[][] = [];
  const byPartition = new Map<string, TransactionAction[]>();
  for (const { partitionKey, reminder } of rows) {
    let batch = byPartition.get(partitionKey);
    if (batch === undefined || batch.length === BATCH) {
      batch = [];
      byPartition.set(partitionKey, batch);
      batches.push(batch);
    }
    batch.push(['create', reminderEntity(reminder, partitionKey)]);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL_BATCHES }, async () => {
      while (next < batches.length) await client.submitTransaction(batches[next++] as TransactionAction[]);
    }),
  );
}

/** Runs the sweep benchmark; returns the lines to print. */
export async function runReminderSweepBench(): Promise<string> {
  const azurite = await startAzurite();
  try {
    const tables = createTableClientFactory(azurite.connectionString, 'bench');
    await tables.ensureTables(['Reminders', 'Cases']);
    const reminders = countEntityReads(tables.client('Reminders'));
    const casesClient = countEntityReads(tables.client('Cases'));
    const repository = new TableReminderRepository(reminders.client);
    const cases = new TableCaseRepository(casesClient.client);

    const seedStarted = performance.now();
    const future: { partitionKey: string; reminder: StoredReminder }[] = [];
    for (let i = 0; i < FUTURE_ROWS; i++) {
      // Spread over 2027, 100 rows per minute bucket (one transaction each).
      const sendAt = new Date(Date.UTC(2027, 0, 1) + Math.floor(i / BATCH) * 397 * MINUTE);
      future.push({ partitionKey: dueBucket(sendAt), reminder: row(`future-${i}`, 'measures', 'halfway', sendAt) });
    }
    const due: { partitionKey: string; reminder: StoredReminder }[] = [];
    for (let i = 0; i < DUE_CASES; i++) {
      const c = benchCase(i);
      await cases.create(c);
      const sendAt = new Date(NOW.getTime() - (i % 60) * MINUTE); // due within the last hour, across 60 buckets
      for (const [topic, kind] of [['measures', 'overdue'], ['measures', 'escalation'], ['labourInspectorate', 'overdue'], ['labourInspectorate', 'escalation']] as const) {
        due.push({ partitionKey: dueBucket(sendAt), reminder: row(c.id, topic, kind, sendAt) });
      }
    }
    await seed(reminders.client, [...future, ...due]);
    // The previous sweep ran an hour ago.
    await repository.saveWatermark(new Date(NOW.getTime() - 60 * MINUTE));
    const seedMs = performance.now() - seedStarted;

    const directory = parseDirectory({
      version: 1,
      tenantId: 'bench',
      coordinatorVpt: { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000900', name: 'Coördinator VPT' },
      organisations: [
        {
          organisationId: 'gemeente-utrecht',
          desks: [
            { role: 'gemeentesecretaris', channel: { teamId: 't', channelId: 'desk' }, handlers: [{ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000201', name: 'A' }] },
            { role: 'griffier', channel: { teamId: 't', channelId: 'griffie' }, handlers: [{ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000202', name: 'B' }] },
          ],
        },
      ],
    });
    if (!directory.ok) throw new Error(directory.problems.join('; '));
    const clock: Clock = { now: () => NOW };
    let sent = 0;
    const noOpSender: ReminderSender = {
      send: async () => {
        sent++;
        return 'sent';
      },
    };
    const service = new ReminderService({
      store: repository,
      cases,
      directory: directory.directory,
      // Pacing off: this measures storage work, not Teams' rate limits.
      delivery: new PacedDelivery({ sender: noOpSender, pacer: new ConversationPacer(clock, { perConversationIntervalMs: 0, globalIntervalMs: 0 }), clock, timer: realTimer }),
      failures: { record: async () => undefined },
      clock,
      workingDays,
      logger: silentLogger,
      options: { concurrency: 16, aftercareCheckIn: false },
    });

    reminders.reset();
    casesClient.reset();
    const started = performance.now();
    const report = await service.sweep(NOW);
    const sweepMs = performance.now() - started;
    const reminderReads = reminders.reads();
    const caseReads = casesClient.reads();

    reminders.reset();
    const again = await service.sweep(NOW);
    const againReads = reminders.reads();

    const total = FUTURE_ROWS + DUE_CASES * DUE_PER_CASE;
    const lines = [
      `Reminder sweep benchmark (in-process Azurite, ${total.toLocaleString('en')} reminder rows)`,
      `  seeded ${FUTURE_ROWS.toLocaleString('en')} future + ${(DUE_CASES * DUE_PER_CASE).toLocaleString('en')} due rows and ${DUE_CASES} cases in ${(seedMs / 1000).toFixed(1)} s`,
      `  sweep: ${report.sent} sent (${sent} reached the sender), ${report.failed} failed, in ${Math.round(sweepMs)} ms`,
      `  table entities read by the sweep: ${reminderReads + caseReads} (reminders table ${reminderReads}: ${report.read} due rows + ${reminderReads - report.read} watermark reads; cases table ${caseReads})`,
      `  second sweep: ${again.sent} sent, ${againReads} reminder entities read`,
    ].join('\n');
    if (report.sent !== DUE_CASES * DUE_PER_CASE || again.sent !== 0) {
      throw new Error('The sweep did not deliver every due reminder exactly once.');
    }
    return lines;
  } finally {
    await azurite.stop();
  }
}
