import { renderFiguresChart } from '../../src/reports/figures-chart';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { figurePeriods } from '../../src/domain/registration/figure-periods';
import { figuresExportRequests, figuresCardViewModel } from '../../src/teams/figures/figures-card';
import { cardProblems } from '../support/card-checks';
import { nodes, readable } from '../support/card-reading';
import { sampleViews } from '../support/figures-samples';

/** The card's periods on 30 November 2026: December 2025 – November 2026, and the year 2025. */
const PERIODS = figurePeriods(new Date('2026-11-30T12:00:00Z'));

const renderer = new CardRenderer();
/** Teams refuses a message above about 28 KB; the card must leave room for the activity around it. */
const CARD_BUDGET_BYTES = 26 * 1024;

/** Every text in a card: text blocks, facts and table cells. */
function shownTexts(card: unknown): string[] {
  return readable(card).split('\n').flatMap((line) => line.split(': ').slice(-1));
}

describe('figures card', () => {
  const { province, desk } = sampleViews(3000);

  it('shows the coordinator the province with a real chart, valid for Teams and under its size limit', async () => {
    const chart = await renderFiguresChart(province.months);
    const card = renderer.render('figures', figuresCardViewModel(province, chart, figuresExportRequests('province', PERIODS)));
    expect(cardProblems(card)).toEqual([]);
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThan(CARD_BUDGET_BYTES);
    const [image] = nodes(card, 'Image');
    expect(String(image.url)).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(String(image.url).split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(String(image.altText)).toMatch(/^Staafdiagram van de meldingen per maand/);
    // Every organisation is listed with its guide figures: the largest the card gets.
    expect(province.perOrganisation?.filter((f) => f.value.includes('oppakken')).length).toBeGreaterThanOrEqual(25);
    const text = readable(card);
    expect(text).toContain('Cijfers Provincie Utrecht (alle organisaties)');
    expect(text).toMatch(/Trend: \*\*(stijgt|daalt|gelijk)\*\*/);
    // The planes of the behaviour, each counted (issue 10 point 8).
    expect(text).toMatch(/Per gedragsdomein[^\n]*\n(.*\n)*?.*Emotioneel: /);
  });

  it('never shows a count of 1–4 in the coordinator’s card', async () => {
    const small = sampleViews(60).province;
    const chart = await renderFiguresChart(small.months);
    const card = renderer.render('figures', figuresCardViewModel(small, chart, figuresExportRequests('province', PERIODS)));
    expect(cardProblems(card)).toEqual([]);
    const counts = shownTexts(card).filter((t) => /^\d+$/.test(t.trim()));
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(Number(count) === 0 || Number(count) >= 5).toBe(true);
    expect(readable(card)).toContain('< 5');
  });

  it('gives screen readers the monthly numbers as a table with a header row', async () => {
    const chart = await renderFiguresChart(desk.months);
    const card = renderer.render('figures', figuresCardViewModel(desk, chart, figuresExportRequests('gemeente-utrecht', PERIODS)));
    const [table] = nodes(card, 'Table');
    expect(table.firstRowAsHeader).toBe(true);
    const rows = nodes(table, 'TableRow').map((row) => nodes(row, 'TextBlock').map((t) => t.text));
    expect(rows[0]).toEqual(['Maand', 'Aantal', 'Jaar eerder', 'Aantal']);
    expect(rows).toHaveLength(13);
    // Newest first, each beside the same month a year before, with the numbers of the chart.
    const november = desk.months.find((m) => m.month === '2026-11')!;
    const lastNovember = desk.months.find((m) => m.month === '2025-11')!;
    expect(rows[1]).toEqual(['nov 2026', november.text, 'nov 2025', lastNovember.text]);
    expect(readable(card)).not.toContain('< 5');
    // Two exports: the card's 12 months, and the last whole calendar year for an annual report.
    expect(nodes(card, 'Action.Execute')).toEqual([
      expect.objectContaining({ verb: 'figuresExportCsv', title: 'CSV laatste 12 maanden', data: { scope: 'gemeente-utrecht', from: '2025-12', to: '2026-11' } }),
      expect.objectContaining({ verb: 'figuresExportCsv', title: 'CSV heel 2025', data: { scope: 'gemeente-utrecht', from: '2025-01', to: '2025-12' } }),
    ]);
  });
});
