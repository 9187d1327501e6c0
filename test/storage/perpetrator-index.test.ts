import { createHash } from 'node:crypto';
import { Recidive } from '../../src/app/recidive';
import { submitCase, type Case } from '../../src/domain/case';
import { perpetratorKeys } from '../../src/domain/perpetrator';
import type { IncidentReport } from '../../src/domain/report';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { perpetratorIndexPartition, TablePerpetratorIndex } from '../../src/storage/perpetrator-index.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { sampleReport } from '../support/sample-report';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 10));
let counter = 0;

function caseOf(organisationId: string, perpetrator: IncidentReport['perpetrator'], registeredAt: Date): Case {
  counter += 1;
  return submitCase(
    {
      id: `case-recidive-${counter}`,
      caseNumber: `WB-2026-${String(counter).padStart(5, '0')}`,
      organisationId,
      officeHolder: { aadObjectId: `aad-${counter}`, name: 'W', role: 'wethouder' },
      report: sampleReport({ incidentAt: new Date(registeredAt.getTime() - 3600_000).toISOString(), perpetrator }),
    },
    registeredAt,
    calendar,
  ).case;
}

describe('the perpetrator index: recidive without reading or scanning cases', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('recidive'));
  let index: TablePerpetratorIndex;
  let recidive: Recidive;
  beforeAll(async () => {
    await tables.ensureTables(['PerpetratorIndex', 'Cases']);
    index = new TablePerpetratorIndex(tables.client('PerpetratorIndex'), 'test-perpetrator-key-0123456789abcdef');
    recidive = new Recidive(index);
  });

  it('counts earlier cases of the same organisation that share the name or the licence plate', async () => {
    const both = caseOf('gemeente-utrecht', { known: true, type: 'persoon', name: 'Jan de Vries', licencePlate: '12-ABC-3' }, day(2));
    const otherOrganisation = caseOf('gemeente-zeist', { known: true, type: 'persoon', name: 'Jan de Vries' }, day(3));
    const plateOnly = caseOf('gemeente-utrecht', { known: false, type: 'persoon', licencePlate: '12abc3' }, day(4));
    for (const c of [both, otherOrganisation, plateOnly]) await recidive.file(c);

    const nameLater = caseOf('gemeente-utrecht', { known: true, type: 'persoon', name: 'JAN  de vries' }, day(5));
    expect(await recidive.countEarlier(nameLater)).toBe(1); // only "both": the plate-only case has no name
    expect(await recidive.countEarlier(plateOnly)).toBe(1); // "both", registered before it
    expect(await recidive.countEarlier(both)).toBe(0); // nothing before it
    expect(await recidive.countEarlier(caseOf('gemeente-utrecht', { known: false, type: 'persoon' }, day(6)))).toBe(0);
  });

  it('counts cases of other organisations with the same perpetrator, a number only, on the keyed hash', async () => {
    const utrecht = caseOf('gemeente-utrecht', { known: true, type: 'persoon', name: '@utrechtboos' }, day(10));
    const zeist = caseOf('gemeente-zeist', { known: true, type: 'persoon', name: '@UtrechtBoos' }, day(11));
    const houten = caseOf('gemeente-houten', { known: false, type: 'persoon', licencePlate: '99-XYZ-9' }, day(12));
    const houtenAgain = caseOf('gemeente-houten', { known: true, type: 'persoon', name: '@utrechtboos', licencePlate: '99xyz9' }, day(13));
    for (const c of [utrecht, zeist, houten, houtenAgain]) await recidive.file(c);
    expect(await recidive.countElsewhere(utrecht)).toBe(2); // zeist and houtenAgain
    expect(await recidive.countElsewhere(houten)).toBe(0); // the plate is only known in Houten itself
    expect(await recidive.countElsewhere(houtenAgain)).toBe(2); // utrecht and zeist, not houten's own
    expect(await recidive.countEarlier(houtenAgain)).toBe(1); // within Houten: the plate
    await index.remove(zeist);
    expect(await recidive.countElsewhere(utrecht)).toBe(1);
  });

  it('keeps names and plates out of the keys and the rows: a keyed hash, different under another key', async () => {
    const key = perpetratorKeys({ perpetrator: { known: true, type: 'persoon', name: 'Jan de Vries' } })[0]!;
    const partition = perpetratorIndexPartition('test-perpetrator-key-0123456789abcdef', 'gemeente-utrecht', key);
    expect(partition).toMatch(/^[0-9a-f]{64}$/);
    expect(partition).not.toBe(createHash('sha256').update(`gemeente-utrecht\n${key}`, 'utf8').digest('hex'));
    expect(perpetratorIndexPartition('another-key-of-at-least-32-characters!!', 'gemeente-utrecht', key)).not.toBe(partition);
    for await (const row of tables.client('PerpetratorIndex').listEntities()) {
      expect(JSON.stringify(row)).not.toMatch(/vries|12abc3/i);
    }
  });

  it('files the cases stored before it existed, once, and drops rows of the unkeyed format', async () => {
    const cases = new TableCaseRepository(tables.client('Cases'));
    // A row as the unkeyed (plain SHA-256) index wrote it, with the key in plain text.
    await tables.client('PerpetratorIndex').createEntity({ partitionKey: createHash('sha256').update('gemeente-houten\nname:piet pieters').digest('hex'), rowKey: 'case-old-format', perpetratorKey: 'name:piet pieters' });
    const old = caseOf('gemeente-houten', { known: true, type: 'persoon', name: 'Piet Pieters' }, day(7));
    await cases.create(old);
    expect(await index.backfill(tables.client('Cases'))).toBe(1);
    expect(await index.backfill(tables.client('Cases'))).toBe(0);
    expect(await recidive.countEarlier(caseOf('gemeente-houten', { known: true, type: 'persoon', name: 'piet pieters' }, day(8)))).toBe(1);
    for await (const row of tables.client('PerpetratorIndex').listEntities()) expect(row.rowKey).not.toBe('case-old-format');
  });

  it('suggests matches in the organisation with their case numbers; a confirmed one builds the dossier, a rejected one is not suggested again', async () => {
    const perpetrator = { known: true, type: 'persoon' as const, name: '@stadsboos', platform: 'instagram' as const };
    const first = caseOf('gemeente-bunnik', perpetrator, day(14));
    const second = caseOf('gemeente-bunnik', { ...perpetrator, name: '@StadsBoos' }, day(15));
    const third = caseOf('gemeente-bunnik', { known: false, type: 'persoon', name: '@stadsboos', platform: 'instagram', licencePlate: '55-KLM-5' }, day(16));
    const otherPlatform = caseOf('gemeente-bunnik', { ...perpetrator, platform: 'tiktok' }, day(16));
    const elsewhere = caseOf('gemeente-zeist', perpetrator, day(17));
    for (const c of [first, second, third, otherPlatform, elsewhere]) await recidive.file(c);

    const before = await recidive.overview(third);
    expect(before.suggestions.map((m) => m.caseNumber)).toEqual([first.caseNumber, second.caseNumber]);
    expect(before.dossier).toEqual([]);
    expect(before.elsewhere).toBe(1);

    const by = { byAadObjectId: 'aad-handler', at: day(18) };
    expect(await recidive.decide(third, first.id, { decision: 'confirmed', ...by })).toEqual({ decided: expect.objectContaining({ caseId: first.id }) });
    expect(await recidive.decide(third, second.id, { decision: 'rejected', ...by })).toEqual({ decided: expect.objectContaining({ caseId: second.id }) });
    // Not a suggestion (another organisation; the case itself; decided already): nothing is stored.
    expect(await recidive.decide(third, elsewhere.id, { decision: 'confirmed', ...by })).toBe('notSuggested');
    expect(await recidive.decide(third, second.id, { decision: 'confirmed', ...by })).toBe('notSuggested');

    const after = await recidive.overview(third);
    expect(after.suggestions).toEqual([]);
    expect(after.dossier.map((m) => m.caseNumber)).toEqual([first.caseNumber]);
    expect(after.earlierConfirmed).toBe(1);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    // The decision holds for both cases: the first case's dossier names the third.
    const fromFirst = await recidive.overview(first);
    expect(fromFirst.dossier.map((m) => m.caseNumber)).toEqual([third.caseNumber]);
    expect(fromFirst.suggestions.map((m) => m.caseNumber)).toEqual([second.caseNumber]);
    expect((await recidive.overview(second)).suggestions.map((m) => m.caseNumber)).toEqual([first.caseNumber]);

    // Across organisations: counts per organisation, never case numbers in the province-wide rows.
    expect(await recidive.elsewhereByOrganisation(elsewhere)).toEqual(new Map([['gemeente-bunnik', 3]]));

    // Retention removes a case with its decisions, on both sides.
    await index.remove(third);
    expect((await recidive.overview(first)).dossier).toEqual([]);
    expect((await recidive.overview(first)).suggestions.map((m) => m.caseNumber)).toEqual([second.caseNumber]);
  });

  it('keeps case numbers out of the province-wide rows', async () => {
    const c = caseOf('gemeente-baarn', { known: true, type: 'persoon', name: 'Piet Provincie' }, day(20));
    await recidive.file(c);
    const key = c.perpetratorKeys[0]!;
    const own = tables.client('PerpetratorIndex').listEntities({ queryOptions: { filter: `PartitionKey eq '${perpetratorIndexPartition('test-perpetrator-key-0123456789abcdef', 'gemeente-baarn', key)}'` } });
    const province = tables.client('PerpetratorIndex').listEntities({ queryOptions: { filter: `PartitionKey eq '${perpetratorIndexPartition('test-perpetrator-key-0123456789abcdef', '*province*', key)}'` } });
    const ownRows = [];
    for await (const row of own) ownRows.push(JSON.stringify(row));
    const provinceRows = [];
    for await (const row of province) provinceRows.push(JSON.stringify(row));
    expect(ownRows.join()).toContain(c.caseNumber);
    expect(provinceRows).toHaveLength(1);
    expect(provinceRows.join()).not.toContain(c.caseNumber);
  });
});
