import { findOrganisation } from '../domain/organisations';
import { formatDutchDate } from './dates.copy';
import { breakdownItemLabel, breakdownTitle } from './figure-breakdowns.copy';
import { longMonthLabel, shortMonthLabel } from '../domain/registration/figure-periods';
import type { Compliance, DeadlineCompliance, Figures } from '../domain/registration/figures';
import { MIN_REPORTS_FOR_TREND, type TrendDirection } from '../domain/registration/trend';
import {
  exactGroup,
  protectedShare,
  shownCountText,
  suppressAdditiveGroups,
  suppressCount,
  SMALL_COUNT_LIMIT,
  type ShownCount,
} from '../domain/registration/suppression';

/**
 * What a viewer sees of the figures, in Dutch: the coordinator's view crosses organisations and
 * hides small counts (suppression.ts); a desk's view of its own organisation shows exact numbers.
 */

export interface ShownMonth {
  readonly month: string;
  /** "nov 2026". */
  readonly label: string;
  readonly shown: ShownCount;
  readonly text: string;
  /** In the recent period (else the one before). */
  readonly recent: boolean;
}

export interface FigureFact {
  readonly title: string;
  readonly value: string;
}

export interface FigureView {
  readonly title: string;
  readonly crossOrganisation: boolean;
  /** "december 2025 t/m november 2026 (tot en met maandag 30 november 2026)". */
  readonly periodText: string;
  readonly previousPeriodText: string;
  readonly privacyNote?: string;
  readonly trendWord: TrendDirection;
  readonly trendSentence: string;
  /** Summary facts: totals, overdue, repeat perpetrators. */
  readonly summary: readonly FigureFact[];
  /** The 24 months, oldest first. */
  readonly months: readonly ShownMonth[];
  readonly breakdowns: readonly { readonly title: string; readonly facts: readonly FigureFact[] }[];
  readonly compliance: readonly FigureFact[];
  /**
   * Coordinator: one fact per organisation with reports in the period: its count and, from 5
   * reports on, its guide figures ("12 meldingen · oppakken … · maatregelen … · politie … · reactie …").
   */
  readonly perOrganisation?: readonly FigureFact[];
}

/** "15 minuten", "3 uur", "2 dagen". */
function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} minuten`;
  if (minutes < 1440) return `${minutes / 60} uur`;
  const days = minutes / 1440;
  return days === 1 ? '1 dag' : `${days} dagen`;
}

/** The median bucket range: "binnen 15 minuten", "2 tot 3 uur", "meer dan 7 dagen". */
export function medianTakeTimeText(range: NonNullable<Compliance['medianTakeTime']>): string {
  if (range.fromMinutes === 0) return `binnen ${durationText(range.toMinutes)}`;
  if (!Number.isFinite(range.toMinutes)) return `meer dan ${durationText(range.fromMinutes)}`;
  const from = durationText(range.fromMinutes);
  const to = durationText(range.toMinutes);
  const [fromNumber, fromUnit] = [from.split(' ')[0], from.split(' ').slice(1).join(' ')];
  const toUnit = to.split(' ').slice(1).join(' ');
  // "2 tot 3 uur" when the units agree, else "23 uur tot 2 dagen".
  return fromUnit === toUnit || (fromUnit === 'dag' && toUnit === 'dagen') ? `${fromNumber} tot ${to}` : `${from} tot ${to}`;
}

/** A share in a cross-organisation view (protectedShare): "80%", "ten minste 92%", "hoogstens 8%", "te weinig zaken". */
export function protectedShareText(k: number, n: number): string {
  const share = protectedShare(k, n);
  switch (share.kind) {
    case 'tooFewCases':
      return 'te weinig zaken';
    case 'atMost':
      return `hoogstens ${share.percent}%`;
    case 'atLeast':
      return `ten minste ${share.percent}%`;
    case 'exact':
      return `${share.percent}%`;
  }
}

function exactShareText(k: number, n: number): string {
  if (n === 0) return 'nog geen zaken';
  return `${k} van ${n} (${Math.round((100 * k) / n)}%)`;
}

function shareText(k: number, n: number, cross: boolean): string {
  if (n === 0) return 'nog geen zaken';
  return cross ? protectedShareText(k, n) : exactShareText(k, n);
}

function deadlineText(d: DeadlineCompliance, cross: boolean): string {
  const text = shareText(d.onTime, d.decided, cross);
  return !cross && d.notYetDue > 0 ? `${text}; ${d.notYetDue} nog binnen de termijn` : text;
}

function takeTimeText(c: Compliance, cross: boolean): string {
  if (c.medianTakeTime === undefined) return 'nog geen zaken opgepakt';
  if (cross && c.taken < SMALL_COUNT_LIMIT) return 'te weinig zaken';
  const text = medianTakeTimeText(c.medianTakeTime);
  return cross ? text : `${text} (${c.taken} ${c.taken === 1 ? 'zaak' : 'zaken'})`;
}

/** Short names of the four guide figures, for one line per organisation. */
const SHORT_COMPLIANCE_TITLES = ['oppakken', 'maatregelen', 'politie', 'reactie'];

/** The two guide deadlines the figures measure, as the figures card and the registration export title them. */
export const GUIDE_DEADLINE_TITLES = { measures: 'Maatregelen binnen 72 uur', policeAppointment: 'Politieafspraak binnen 2 werkdagen' } as const;

/** The four guide figures of one scope. */
export function complianceFacts(c: Compliance, cross: boolean): FigureFact[] {
  return [
    { title: 'Tijd tot oppakken (mediaan)', value: takeTimeText(c, cross) },
    { title: GUIDE_DEADLINE_TITLES.measures, value: deadlineText(c.measures, cross) },
    { title: GUIDE_DEADLINE_TITLES.policeAppointment, value: deadlineText(c.policeAppointment, cross) },
    { title: 'Afgesloten met reactie richting pleger', value: shareText(c.closedWithResponse, c.closed, cross) },
  ];
}

function trendSentence(figures: Figures, recent: ShownCount, previous: ShownCount): string {
  const counts = `${shownCountText(recent)} meldingen in de laatste 12 maanden, ${shownCountText(previous)} in de 12 maanden daarvoor`;
  const { trend } = figures;
  if (trend.basis === 'tooFew') {
    return `Te weinig meldingen om een trend te zien (minder dan ${MIN_REPORTS_FOR_TREND} in 24 maanden): ${counts}.`;
  }
  if (trend.basis === 'notSignificant') return `Geen duidelijke stijging of daling: ${counts}. Het verschil past bij toeval.`;
  // A percentage with a hidden total would give that total away.
  const change = recent.kind === 'exact' && previous.kind === 'exact' && trend.rateRatio !== undefined ? `, per dag gerekend ${formatChange(trend.rateRatio)}` : '';
  return `Het aantal meldingen ${trend.direction}: ${counts}${change}.`;
}

function formatChange(ratio: number): string {
  const percent = Math.round((ratio - 1) * 100);
  return `${percent > 0 ? '+' : ''}${percent}%`;
}

/** The figures as a viewer may see them; `crossOrganisation` for any view over more than one organisation. */
export function figureView(figures: Figures, options: { crossOrganisation: boolean }): FigureView {
  const cross = options.crossOrganisation;
  const additive = figures.breakdowns.filter((b) => b.additive);
  const recentMonthCounts = figures.perMonth.slice(12).map((m) => m.count);
  const previousMonthCounts = figures.perMonth.slice(0, 12).map((m) => m.count);
  // Every group that adds up to the recent total is protected together (they share that total).
  const recentGroups = cross
    ? suppressAdditiveGroups([recentMonthCounts, ...additive.map((b) => b.items.map((i) => i.count))], figures.recentTotal)
    : { groups: [recentMonthCounts, ...additive.map((b) => b.items.map((i) => i.count))].map((g) => exactGroup(g).cells), total: exactGroup([], figures.recentTotal).total };
  const previousGroup = cross ? suppressAdditiveGroups([previousMonthCounts], figures.previousTotal) : { groups: [exactGroup(previousMonthCounts).cells], total: exactGroup([], figures.previousTotal).total };
  const shownMonths = [...previousGroup.groups[0], ...recentGroups.groups[0]];
  const shownAdditive = new Map(additive.map((b, i) => [b.dimension, recentGroups.groups[i + 1]]));
  const single = (value: number): ShownCount => (cross ? suppressCount(value) : { kind: 'exact', value });

  const breakdowns = figures.breakdowns.filter((b) => b.dimension !== 'organisation').map((b) => {
    const shown = shownAdditive.get(b.dimension) ?? b.items.map((i) => single(i.count));
    return { title: breakdownTitle(b.dimension), facts: b.items.map((item, i) => ({ title: breakdownItemLabel(b.dimension, item.key), value: shownCountText(shown[i]) })) };
  });
  const repeatShown = shownAdditive.get('repeatPerpetrator')?.[0] ?? single(figures.repeatPerpetrator);

  const organisationName = figures.scope.kind === 'province' ? 'Provincie Utrecht (alle organisaties)' : (findOrganisation(figures.scope.organisationId)?.name ?? figures.scope.organisationId);
  const { recentMonths, previousMonths } = figures.periods;
  const view: FigureView = {
    title: `Cijfers ${organisationName}`,
    crossOrganisation: cross,
    periodText: `${longMonthLabel(recentMonths[0])} t/m ${longMonthLabel(recentMonths[11])} (tot en met ${formatDutchDate(figures.generatedAt)})`,
    previousPeriodText: `${longMonthLabel(previousMonths[0])} t/m ${longMonthLabel(previousMonths[11])}`,
    ...(cross
      ? { privacyNote: 'Aantallen onder de 5 staan er als "< 5". Soms staat ook een groter aantal er als "≥ 5", zodat een klein aantal niet uit het totaal is terug te rekenen.' }
      : {}),
    trendWord: figures.trend.direction,
    trendSentence: trendSentence(figures, recentGroups.total, previousGroup.total),
    summary: [
      { title: 'Meldingen laatste 12 maanden', value: shownCountText(recentGroups.total) },
      { title: '12 maanden daarvoor', value: shownCountText(previousGroup.total) },
      { title: 'Trend', value: figures.trend.direction },
      { title: 'Open zaken met verstreken termijn', value: shownCountText(single(figures.openOverdue)) },
      { title: 'Meldingen over een pleger met een eerdere melding', value: shownCountText(repeatShown) },
    ],
    months: figures.perMonth.map((m, i) => ({ month: m.month, label: shortMonthLabel(m.month), shown: shownMonths[i], text: shownCountText(shownMonths[i]), recent: i >= 12 })),
    breakdowns,
    compliance: complianceFacts(figures.compliance, cross),
  };
  const organisations = figures.breakdowns.find((b) => b.dimension === 'organisation');
  if (organisations === undefined) return view;
  const shownOrganisations = shownAdditive.get('organisation') ?? [];
  const compliance = new Map((figures.compliancePerOrganisation ?? []).map((o) => [o.organisationId, o.compliance]));
  return {
    ...view,
    perOrganisation: organisations.items.flatMap((item, i) => {
      if (item.count === 0) return [];
      const own = compliance.get(item.key);
      const guide = own !== undefined && (!cross || own.reports >= SMALL_COUNT_LIMIT)
        ? complianceFacts(own, cross).map((f, j) => ` · ${SHORT_COMPLIANCE_TITLES[j]} ${f.value}`).join('')
        : '';
      return [{ title: breakdownItemLabel('organisation', item.key), value: `${shownCountText(shownOrganisations[i])} meldingen${guide}` }];
    }),
  };
}
