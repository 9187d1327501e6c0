import { FiguresService } from '../../src/app/figures.service';
import { DomainError } from '../../src/domain/errors';
import { TableFiguresRepository } from '../../src/storage/figures.repository';
import { countEntityReads } from '../../src/storage/counting-table-client';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { sampleDirectory } from '../support/directories';
import { closed, measuresApproved, submitted, taken } from '../support/registration-cases';

const COORDINATOR = '7f3c1a20-4b5d-4e6f-8a9b-000000000004';
const UTRECHT_HANDLER = '7f3c1a20-4b5d-4e6f-8a9b-000000000001';
const SOMEONE = '7f3c1a20-4b5d-4e6f-8a9b-0000000000ff';
// Monday 30 November 2026, 13:00 in Amsterdam.
const NOW = new Date('2026-11-30T12:00:00Z');

describe('FiguresService', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('figsvc'));
  const counted = countEntityReads(tables.client('Figures'));
  const service = new FiguresService({ store: new TableFiguresRepository(counted.client), directory: sampleDirectory(), clock: { now: () => NOW } });

  beforeAll(async () => {
    await tables.ensureTables(['Figures']);
    // Gemeente Utrecht: 7 reports this year, walked step by step through the outbox hook; Zeist: 2.
    for (let i = 0; i < 7; i++) {
      const start = submitted({ id: `utrecht-${i}`, registeredAt: new Date(Date.UTC(2026, i + 3, 2, 9)) });
      const steps = [start, taken(start, 30 + i), measuresApproved(taken(start, 30 + i), 120), closed(measuresApproved(taken(start, 30 + i), 120), 'response', 300)];
      for (const [n, after] of steps.entries()) {
        await service.applyCaseChange({ caseId: `utrecht-${i}`, sequence: n + 1, ...(n > 0 ? { before: steps[n - 1] } : {}), after, earlierCasesOfPerpetrator: i === 6 ? 1 : 0 });
      }
    }
    for (let i = 0; i < 2; i++) {
      await service.applyCaseChange({ caseId: `zeist-${i}`, sequence: 1, after: submitted({ id: `zeist-${i}`, organisationId: 'gemeente-zeist', registeredAt: new Date(Date.UTC(2026, 9, 2 + i, 9)) }), earlierCasesOfPerpetrator: 0 });
    }
  });

  it('gives the coordinator the province, a handler their own organisation, anyone else nothing', () => {
    expect(service.scopesOf(COORDINATOR)).toEqual([{ kind: 'province' }]);
    expect(service.scopesOf(UTRECHT_HANDLER)).toEqual([{ kind: 'organisation', organisationId: 'gemeente-utrecht' }]);
    expect(service.scopesOf(SOMEONE)).toEqual([]);
  });

  it('shows a handler the exact figures of their organisation only', async () => {
    const { figures, view } = await service.figuresFor(UTRECHT_HANDLER);
    expect(figures.recentTotal).toBe(7);
    expect(view.summary).toContainEqual({ title: 'Meldingen over een pleger met een eerdere melding', value: '1' });
    expect(view.compliance).toContainEqual({ title: 'Afgesloten met reactie richting pleger', value: '7 van 7 (100%)' });
    await expect(service.figuresFor(UTRECHT_HANDLER, { kind: 'province' })).rejects.toMatchObject({ code: 'FIGURES.NOT_ALLOWED' });
    await expect(service.figuresFor(UTRECHT_HANDLER, { kind: 'organisation', organisationId: 'gemeente-zeist' })).rejects.toBeInstanceOf(DomainError);
    await expect(service.figuresFor(SOMEONE)).rejects.toMatchObject({ code: 'FIGURES.NOT_ALLOWED' });
  });

  it('shows the coordinator the province with small counts hidden, from the summary table alone', async () => {
    counted.reset();
    const { figures, view } = await service.figuresFor(COORDINATOR);
    expect(figures.recentTotal).toBe(9);
    const perOrganisation = Object.fromEntries((view.perOrganisation ?? []).map((f) => [f.title, f.value]));
    // Only organisations with reports; Zeist's 2 hidden, and without guide figures (fewer than 5 reports).
    expect(Object.keys(perOrganisation)).toEqual(['Gemeente Utrecht', 'Gemeente Zeist']);
    expect(perOrganisation['Gemeente Zeist']).toBe('< 5 meldingen');
    // 9 − 2 would give Zeist away: Utrecht's 7 is hidden too; its guide figures are shares and a median.
    expect(perOrganisation['Gemeente Utrecht']).toBe('≥ 5 meldingen · oppakken 30 minuten tot 1 uur · maatregelen 100% · politie nog geen zaken · reactie 100%');
    // Province months and due rows, plus the two organisations' months: no registration rows.
    expect(counted.reads()).toBeLessThanOrEqual(24 + 20);
  });

  it('hands out the registration rows of a whole-month period within the person’s scope', async () => {
    const { rows } = await service.registrationsFor(UTRECHT_HANDLER, { from: '2026-01', to: '2026-11' });
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.organisationId === 'gemeente-utrecht')).toBe(true);
    expect((await service.registrationsFor(COORDINATOR, { from: '2026-10', to: '2026-10' })).rows).toHaveLength(3);
    await expect(service.registrationsFor(UTRECHT_HANDLER, { from: '2026-11', to: '2026-12' })).rejects.toMatchObject({ code: 'FIGURES.INVALID_PERIOD' });
    await expect(service.registrationsFor(UTRECHT_HANDLER, { from: '2022-01', to: '2026-11' })).rejects.toMatchObject({ code: 'FIGURES.INVALID_PERIOD' });
  });
});
