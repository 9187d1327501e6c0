import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FiguresService } from '../../app/figures.service';
import { loadDirectory, REPO_ROOT, SAMPLE_DIRECTORY_PATH } from '../../config/load-directory';
import { renderFiguresChart } from '../../reports/figures-chart';
import { startAzurite } from '../../storage/azurite';
import { countEntityReads } from '../../storage/counting-table-client';
import { TableFiguresRepository } from '../../storage/figures.repository';
import { createTableClientFactory } from '../../storage/table-clients';
import { CardRenderer } from '../../teams/cards/card-renderer';
import { figuresCardViewModel, figuresExportRequests } from '../../teams/figures/figures-card';
import { sampleRegistrations } from './registration-sample';
import { percentile } from './stats';

/**
 * `npm run bench`, the figures part: 10,000 cases over three years in the summary table on an
 * in-process Azurite, then the coordinator's figures built from it, as the "cijfers" command will:
 * the time, the entities read (never a case), the chart and the card. Also the cost of counting one
 * case change (what the outbox will pay per event).
 */

const CASES = 10_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const RUNS = 7;
const CHANGES = 200;

/** Runs the figures benchmark; returns the lines to print. */
export async function runFiguresBench(): Promise<string[]> {
  const azurite = await startAzurite();
  try {
    const tables = createTableClientFactory(azurite.connectionString, 'bench');
    await tables.ensureTables(['Figures']);
    const rows = sampleRegistrations(CASES, { from: new Date('2023-12-01T00:00:00Z'), to: NOW });
    const loadStarted = performance.now();
    const written = await new TableFiguresRepository(tables.client('Figures')).bulkLoad(rows.map(({ caseId, row }) => ({ caseId, sequence: 1, row })));
    const loadMs = performance.now() - loadStarted;

    const counted = countEntityReads(tables.client('Figures'));
    const store = new TableFiguresRepository(counted.client);
    const directory = loadDirectory(SAMPLE_DIRECTORY_PATH);
    const service = new FiguresService({ store, directory, clock: { now: () => NOW } });
    const times: number[] = [];
    let reads = 0;
    let result: Awaited<ReturnType<FiguresService['figuresFor']>> | undefined;
    for (let run = 0; run < RUNS; run++) {
      counted.reset();
      const started = performance.now();
      result = await service.figuresFor(directory.coordinatorVpt.aadObjectId);
      times.push(performance.now() - started);
      reads = counted.reads();
    }
    const { figures, view } = result!;
    const chartStarted = performance.now();
    const chart = await renderFiguresChart(view.months);
    const chartMs = performance.now() - chartStarted;
    const card = new CardRenderer().render('figures', figuresCardViewModel(view, chart, figuresExportRequests('province', figures.periods)));
    const output = join(REPO_ROOT, '.data');
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, 'bench-figures-chart.png'), chart.png);

    // What the outbox will pay per event: one case moved on, in both its scopes.
    const changeTimes: number[] = [];
    for (const { caseId, row } of rows.slice(-CHANGES)) {
      const started = performance.now();
      await store.applyChange({ caseId, sequence: 2, before: row, after: { ...row, status: 'closed', closedWith: 'response', measures: { ...row.measures, outcome: row.measures.outcome === 'open' ? 'missed' : row.measures.outcome }, ...(row.policeAppointment ? { policeAppointment: { ...row.policeAppointment, outcome: row.policeAppointment.outcome === 'open' ? 'missed' : row.policeAppointment.outcome } } : {}), openDeadlineDueAt: undefined } });
      changeTimes.push(performance.now() - started);
    }

    const cold = times[0];
    const warm = percentile(times.slice(1), 50);
    return [
      `Figures: ${CASES.toLocaleString('en')} cases over 3 years (${written.toLocaleString('en')} summary entities, loaded in ${(loadMs / 1000).toFixed(1)} s)`,
      `  coordinator's figures: ${warm.toFixed(0)} ms (median of ${RUNS - 1}; first ${cold.toFixed(0)} ms), ${reads} entities read — goal < 1 s: ${Math.max(cold, warm) < 1000 ? 'met' : 'not met'}`,
      `  ${figures.recentTotal} reports in the last 12 months, ${figures.previousTotal} before; trend "${figures.trend.direction}"`,
      `  chart ${chartMs.toFixed(0)} ms (${chart.png.length.toLocaleString('en')} bytes PNG, .data/bench-figures-chart.png); card ${Buffer.byteLength(JSON.stringify(card)).toLocaleString('en')} bytes`,
      `  one case change counted: ${percentile(changeTimes, 50).toFixed(1)} ms (median of ${CHANGES})`,
    ];
  } finally {
    await azurite.stop();
  }
}
