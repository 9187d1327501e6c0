/** Figures built from many sample rows through the real domain functions, for card tests and fixtures. */
import type { FigureScope, FigureSource } from '../../src/domain/registration/figures';
import { buildFigures } from '../../src/domain/registration/figures';
import { figureView, type FigureView } from '../../src/copy/figure-view.copy';
import { sampleRegistrations } from '../../src/tools/bench/registration-sample';
import { InMemoryCounters } from './in-memory-counters';

// Monday 30 November 2026, 13:00 in Amsterdam.
export const FIGURES_NOW = new Date('2026-11-30T12:00:00Z');

/** `count` reports over the two years up to FIGURES_NOW, counted per scope as the store would. */
export function sampleSource(count: number, seed = 7): { province: FigureSource; organisation: (id: string) => FigureSource } {
  const province = new InMemoryCounters();
  const organisations = new Map<string, InMemoryCounters>();
  for (const { row } of sampleRegistrations(count, { from: new Date('2024-12-01T00:00:00Z'), to: FIGURES_NOW }, seed)) {
    province.record(undefined, row);
    const own = organisations.get(row.organisationId) ?? new InMemoryCounters();
    own.record(undefined, row);
    organisations.set(row.organisationId, own);
  }
  return {
    province: { ...province.source(), organisations: new Map([...organisations].map(([id, c]) => [id, { months: c.months, due: c.dueBuckets() }])) },
    organisation: (id) => organisations.get(id)?.source() ?? { months: new Map(), due: [] },
  };
}

/** The coordinator's view and a desk's view of the same sample. */
export function sampleViews(count = 1500): { province: FigureView; desk: FigureView } {
  const source = sampleSource(count);
  const desk: FigureScope = { kind: 'organisation', organisationId: 'gemeente-utrecht' };
  return {
    province: figureView(buildFigures(source.province, { kind: 'province' }, FIGURES_NOW), { crossOrganisation: true }),
    desk: figureView(buildFigures(source.organisation('gemeente-utrecht'), desk, FIGURES_NOW), { crossOrganisation: false }),
  };
}
