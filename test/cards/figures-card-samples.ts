/** Sample view-models of cards/figures.json (a tiny stand-in image: the real chart is tested in test/teams/figures-card.test.ts). */
import { figuresCardViewModel, type FiguresCardViewModel } from '../../src/teams/figures/figures-card';
import { sampleViews } from '../support/figures-samples';

// A 1×1 white PNG.
const DOT = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';

export function figuresCardSamples(): FiguresCardViewModel[] {
  const chart = { png: Buffer.from(DOT, 'base64'), dataUri: `data:image/png;base64,${DOT}`, altText: 'Staafdiagram van de meldingen per maand.' };
  const { province, desk } = sampleViews(600);
  const small = sampleViews(40);
  return [
    figuresCardViewModel(province, chart, { scope: 'province', from: '2025-12', to: '2026-11' }),
    figuresCardViewModel(desk, chart, { scope: 'gemeente-utrecht', from: '2025-12', to: '2026-11' }),
    // Few reports: most counts hidden, no organisation listed.
    figuresCardViewModel(small.province, chart, { scope: 'province', from: '2025-12', to: '2026-11' }),
  ];
}
