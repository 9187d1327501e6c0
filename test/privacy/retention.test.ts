import { randomBytes } from 'node:crypto';
import { FiguresService } from '../../src/app/figures.service';
import { silentLogger } from '../../src/app/logger';
import { Recidive } from '../../src/app/recidive';
import { figuresRegistrationKeeper, RetentionService } from '../../src/app/retention.service';
import type { Case } from '../../src/domain/case';
import { EvidenceBlobStore } from '../../src/storage/blob-store';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { TableFiguresRepository } from '../../src/storage/figures.repository';
import { TablePerpetratorIndex } from '../../src/storage/perpetrator-index.repository';
import { TableRetentionRepository } from '../../src/storage/retention.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { ManualClock } from '../support/manual-clock';
import { closed, measuresApproved, submitted, taken } from '../support/registration-cases';

const COORDINATOR = 'aad-coordinator';
const DAY = 24 * 3600_000;
const RETENTION_DAYS = 730;

describe('retention: a closed case past its period becomes its anonymous registration row', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('retention'));
  const container = `retention-${randomBytes(4).toString('hex')}`;
  const blobs = new EvidenceBlobStore(testConnectionString(), container);
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  let figuresStore: TableFiguresRepository;
  let figures: FiguresService;
  let index: TablePerpetratorIndex;
  let cases: TableCaseRepository;

  beforeAll(async () => {
    await tables.ensureTables(['Cases', 'Meetings', 'CardRefs', 'Drafts', 'Retention', 'Figures', 'PerpetratorIndex']);
    figuresStore = new TableFiguresRepository(tables.client('Figures'));
    figures = new FiguresService({ store: figuresStore, directory: { coordinatorVpt: { aadObjectId: COORDINATOR } as never, desksOf: () => [] }, clock });
    index = new TablePerpetratorIndex(tables.client('PerpetratorIndex'), 'test-perpetrator-key-0123456789abcdef');
    cases = new TableCaseRepository(tables.client('Cases'));
  });

  /** A retention service as one bot instance builds it. */
  function instance(owner: string, counting?: { deletes: string[] }): RetentionService {
    const recidive = new Recidive(index);
    return new RetentionService({
      store: new TableRetentionRepository(tables.client('Retention'), {
        cases: tables.client('Cases'),
        meetings: tables.client('Meetings'),
        cardRefs: tables.client('CardRefs'),
        drafts: tables.client('Drafts'),
      }),
      evidence: {
        delete: async (name) => {
          const deleted = await blobs.delete(name);
          if (deleted) counting?.deletes.push(name);
          return deleted;
        },
      },
      perpetrators: index,
      registrations: figuresRegistrationKeeper(figures),
      countEarlier: (c) => recidive.countEarlier(c),
      coordinatorAadObjectId: () => COORDINATOR,
      retentionDays: RETENTION_DAYS,
      clock,
      logger: silentLogger,
      owner,
    });
  }

  /** Stores a case with everything that hangs off it: evidence, a history row with free text, a meeting, a card ref, the index entry. */
  async function plant(c: Case): Promise<Case> {
    const evidence = await blobs.put(`${c.id}/file-1`, Buffer.from(`screenshot of ${c.id}`), 'image/png');
    const withEvidence: Case = { ...c, report: { ...c.report, evidence: { files: [{ fileName: 'dreigtweet.png', contentType: 'image/png', sizeBytes: evidence.sizeBytes, sha256: evidence.sha256, blobName: evidence.blobName }] } } };
    await cases.create(withEvidence);
    await tables.client('Cases').createEntity({ partitionKey: c.id, rowKey: 'history-0000000001-001', Parts: 1, Json0: JSON.stringify({ comment: 'Jan Pietersen stond weer voor de deur' }) });
    await tables.client('Meetings').createEntity({ partitionKey: c.id, rowKey: 'meeting-1', note: 'gesprek met de pleger' });
    await tables.client('CardRefs').createEntity({ partitionKey: c.id, rowKey: 'desk', activityId: 'a-1' });
    await index.add(withEvidence);
    // The outbox hook counted the case as it was at submission.
    await figures.applyCaseChange({ caseId: c.id, sequence: 1, after: c.status === 'closed' ? submitted({ id: c.id, caseNumber: c.caseNumber, registeredAt: c.registeredAt }) : c, earlierCasesOfPerpetrator: 0 });
    return withEvidence;
  }

  async function partitionRows(table: string, caseId: string): Promise<number> {
    let n = 0;
    for await (const row of tables.client(table).listEntities({ queryOptions: { filter: `PartitionKey eq '${caseId}'` } })) n += row ? 1 : 0;
    return n;
  }

  const perpetrator = { known: true, type: 'persoon' as const, name: 'Jan Pietersen', licencePlate: '12-ABC-3' };
  let oldClosed: Case;
  let recentClosed: Case;
  let oldOpen: Case;

  it('lists what would be purged for the coordinator only, and purges nothing before the confirmation', async () => {
    const registeredAt = new Date('2024-01-10T09:00:00Z');
    oldClosed = await plant(closed(measuresApproved(taken(submitted({ id: 'case-old-closed', caseNumber: 'WB-2024-00001', registeredAt, report: { perpetrator } }), 30), 600), 'response', 2000));
    recentClosed = await plant(closed(measuresApproved(taken(submitted({ id: 'case-recent-closed', caseNumber: 'WB-2025-00007', registeredAt: new Date('2025-11-03T09:00:00Z') }), 30), 600), 'response', 2000));
    oldOpen = await plant(taken(submitted({ id: 'case-old-open', caseNumber: 'WB-2023-00003', registeredAt: new Date('2023-05-01T09:00:00Z') }), 30));

    await expect(instance('bot-a').preview('aad-someone-else')).rejects.toMatchObject({ code: 'RETENTION.NOT_ALLOWED' });
    const preview = await instance('bot-a').preview(COORDINATOR);
    expect(preview.confirmation).toBeUndefined();
    expect(preview.lines.map((l) => l.caseNumber)).toEqual(['WB-2024-00001', 'WB-2025-00007']); // the open case is not on it
    expect(preview.lines[0]).toEqual({ caseNumber: 'WB-2024-00001', organisationId: 'gemeente-utrecht', closedAt: expect.any(Date), purgeAt: new Date(preview.lines[0]!.closedAt.getTime() + RETENTION_DAYS * DAY) });
    expect(JSON.stringify(preview)).not.toContain('Sanne');

    clock.set(new Date('2026-03-01T09:00:00Z'));
    expect(await instance('bot-a').purgeDue()).toMatchObject({ outcome: 'notConfirmed', purged: 0 });
    expect(await cases.get(oldClosed.id)).toBeDefined();
  });

  it('two instances purging at once: each past-due case once, counts unchanged, evidence and personal data gone, open and recent cases untouched', async () => {
    await expect(instance('bot-a').confirm('aad-someone-else')).rejects.toMatchObject({ code: 'RETENTION.NOT_ALLOWED' });
    await instance('bot-a').confirm(COORDINATOR);
    const month = oldClosed.registeredAt.toISOString().slice(0, 7);
    const before = await figuresStore.readMonths('province', '2023-01', '2026-12');
    expect(before.get(month)).toBeDefined();

    const deletesA = { deletes: [] as string[] };
    const deletesB = { deletes: [] as string[] };
    const [a, b] = await Promise.all([instance('bot-a', deletesA).purgeDue(), instance('bot-b', deletesB).purgeDue()]);
    expect(a.purged + b.purged).toBe(1);
    expect([...deletesA.deletes, ...deletesB.deletes]).toEqual([oldClosed.report.evidence.files[0]!.blobName]);

    // Personal data and evidence of the old closed case are gone.
    expect(await cases.get(oldClosed.id)).toBeUndefined();
    for (const table of ['Cases', 'Meetings', 'CardRefs']) expect(await partitionRows(table, oldClosed.id)).toBe(0);
    expect(await blobs.get(oldClosed.report.evidence.files[0]!.blobName)).toBeUndefined();
    expect(await index.find('gemeente-utrecht', oldClosed.perpetratorKeys)).toEqual([]);

    // The counts: the closed state was counted (it was counted as submitted before), the row stays.
    const after = await figuresStore.readMonths('province', '2023-01', '2026-12');
    const rows = await figuresStore.listRegistrations('province', month, month);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'closed', organisationId: 'gemeente-utrecht' });
    expect(JSON.stringify(rows)).not.toMatch(/Sanne|Pietersen|WB-2024|case-old/);
    const total = (m: Map<string, Readonly<Record<string, number>>>) => [...m.values()].reduce((sum, c) => sum + (c['n'] ?? 0), 0);
    expect(total(after)).toBe(total(before));
    expect(total(after)).toBe(3);

    // Open (however old) and recently closed cases keep everything.
    for (const kept of [oldOpen, recentClosed]) {
      expect(await cases.get(kept.id)).toBeDefined();
      expect(await blobs.get(kept.report.evidence.files[0]!.blobName)).toBeDefined();
      expect(await partitionRows('Meetings', kept.id)).toBe(1);
    }

    // A later run finds nothing more to do.
    expect(await instance('bot-a').purgeDue()).toMatchObject({ purged: 0, blobsDeleted: 0 });
  });

  it('runs once a day across instances, and takes the recent case when its period has passed', async () => {
    clock.set(new Date(recentClosed.statusHistory.at(-1)!.at.getTime() + RETENTION_DAYS * DAY + 60_000));
    const [a, b] = await Promise.all([instance('bot-a').runDaily(), instance('bot-b').runDaily()]);
    expect([a.outcome, b.outcome].sort()).toEqual(['otherInstance', 'ran']);
    expect(a.purged + b.purged).toBe(1);
    expect(await cases.get(recentClosed.id)).toBeUndefined();
    expect(await cases.get(oldOpen.id)).toBeDefined();
  });
});
