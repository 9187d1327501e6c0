import type { FigureFact, FigureView } from '../../copy/figure-view.copy';
import type { ChartImage } from '../../app/figures-ports';
import type { FigurePeriods } from '../../domain/registration/figure-periods';

/** The verb of the card's CSV button (wired to the 1:1 chat's file delivery later). */
export const FIGURES_EXPORT_CSV_VERB = 'figuresExportCsv';

/** View-model of cards/figures.json. Every text is made by the bot from counts and fixed labels: no user text. */
export interface FiguresCardViewModel {
  readonly title: string;
  readonly periodText: string;
  readonly trendWord: string;
  readonly trendSentence: string;
  readonly summary: readonly FigureFact[];
  readonly hasPrivacyNote: boolean;
  readonly privacyNote: string;
  readonly chart: { readonly url: string; readonly altText: string };
  /** The table for screen readers: each recent month beside the same month a year earlier. */
  readonly monthRows: readonly { readonly month: string; readonly count: string; readonly previousMonth: string; readonly previousCount: string }[];
  readonly breakdowns: readonly { readonly title: string; readonly facts: readonly FigureFact[] }[];
  readonly compliance: readonly FigureFact[];
  readonly hasPerOrganisation: boolean;
  readonly perOrganisation: readonly FigureFact[];
  /** The CSV buttons: a title, and ids and months only; the handler re-checks who may export what. */
  readonly exportRequests: readonly FiguresExportRequest[];
}

/** One CSV button: the registration of `scope` over whole months `from`–`to` ('yyyy-MM'). */
export interface FiguresExportRequest {
  readonly title: string;
  readonly scope: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The CSV buttons of a scope: the card's 12 months, and the last whole calendar year (what an annual
 * report or a council's question asks for).
 */
export function figuresExportRequests(scope: string, periods: Pick<FigurePeriods, 'recentMonths' | 'lastCalendarYear'>): FiguresExportRequest[] {
  const { recentMonths, lastCalendarYear } = periods;
  return [
    { title: 'CSV laatste 12 maanden', scope, from: recentMonths[0], to: recentMonths[recentMonths.length - 1] },
    { title: `CSV heel ${lastCalendarYear.year}`, scope, from: lastCalendarYear.from, to: lastCalendarYear.to },
  ];
}

/** Builds the card's view-model from what the viewer may see and the chart drawn from the same numbers. */
export function figuresCardViewModel(view: FigureView, chart: ChartImage, exportRequests: readonly FiguresExportRequest[]): FiguresCardViewModel {
  const previous = view.months.filter((m) => !m.recent);
  const recent = view.months.filter((m) => m.recent);
  return {
    title: view.title,
    periodText: view.periodText,
    trendWord: view.trendWord,
    trendSentence: view.trendSentence,
    summary: view.summary,
    hasPrivacyNote: view.privacyNote !== undefined,
    privacyNote: view.privacyNote ?? '',
    chart: { url: chart.dataUri, altText: chart.altText },
    monthRows: recent.map((m, i) => ({ month: m.label, count: m.text, previousMonth: previous[i]?.label ?? '', previousCount: previous[i]?.text ?? '' })).reverse(),
    breakdowns: view.breakdowns,
    compliance: view.compliance,
    hasPerOrganisation: (view.perOrganisation?.length ?? 0) > 0,
    perOrganisation: view.perOrganisation ?? [],
    exportRequests,
  };
}
