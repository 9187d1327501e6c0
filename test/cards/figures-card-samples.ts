/** Sample view-models of cards/figures.json (a tiny stand-in image: the real chart is tested in test/teams/figures-card.test.ts). */
import { figurePeriods } from '../../src/domain/registration/figure-periods';
import { figuresExportRequests, figuresCardViewModel, type FiguresCardViewModel } from '../../src/teams/figures/figures-card';
import { sampleViews } from '../support/figures-samples';

/** The card's periods on 30 November 2026: December 2025 – November 2026, and the year 2025. */
const PERIODS = figurePeriods(new Date('2026-11-30T12:00:00Z'));

// A 1×1 white PNG.
const DOT = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';

export function figuresCardSamples(): FiguresCardViewModel[] {
  const chart = { png: Buffer.from(DOT, 'base64'), dataUri: `data:image/png;base64,${DOT}`, altText: 'Staafdiagram van de meldingen per maand.' };
  const { province, desk } = sampleViews(600);
  const small = sampleViews(40);
  return [
    figuresCardViewModel(province, chart, figuresExportRequests('province', PERIODS)),
    figuresCardViewModel(desk, chart, figuresExportRequests('gemeente-utrecht', PERIODS)),
    // Few reports: most counts hidden, no organisation listed.
    figuresCardViewModel(small.province, chart, figuresExportRequests('province', PERIODS)),
  ];
}
