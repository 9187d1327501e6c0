import { findOrganisation, ORGANISATIONS, ROLES_BY_KIND } from '../organisations';
import { BEHAVIOUR_DOMAINS, BEHAVIOUR_LEVELS, INCIDENT_KINDS, INJURIES } from '../report';
import { OFFICE_HOLDER_ROLES, type OfficeHolderRole } from '../roles';
import { addCounters, count, counterName, parseDueCounter, TAKE_TIME_BUCKETS, type Counters } from './counters';
import { figurePeriods, type FigurePeriods } from './figure-periods';
import { DEADLINE_OUTCOMES, POLICE_REPORT_STATES } from './registration-row';
import { reportTrend, type Trend } from './trend';
import type { Directory } from '../directory';

/** Whose figures: the whole province (the coordinator VPT) or one organisation (its desks). */
export type FigureScope = { readonly kind: 'province' } | { readonly kind: 'organisation'; readonly organisationId: string };

/** Open-deadline counters of one registration month and one UTC due day (see counters.ts dueSlots). */
export interface DueBucket {
  readonly month: string;
  readonly day: string;
  readonly counters: Counters;
}

/** What the figures are built from: summary counters, never cases. */
export interface FigureSource {
  /** Month counters of the scope; a month without reports may be missing. Needs the 24 months up to now. */
  readonly months: ReadonlyMap<string, Counters>;
  /** The scope's open-deadline buckets: all of them (the overdue count looks at every month). */
  readonly due: readonly DueBucket[];
  /** Province scope: per organisation, its month counters and due buckets of the recent period. */
  readonly organisations?: ReadonlyMap<string, { readonly months: ReadonlyMap<string, Counters>; readonly due: readonly DueBucket[] }>;
}

export interface BreakdownItem {
  /** The item within its dimension (an organisation id, a role, a level, …); src/copy/figure-breakdowns.copy.ts names it. */
  readonly key: string;
  readonly count: number;
}

export const BREAKDOWN_DIMENSIONS = ['organisation', 'role', 'level', 'kind', 'domain', 'channel', 'injury', 'injuryType', 'policeReport', 'repeatPerpetrator'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** The reports of the recent period split by one dimension. */
export interface Breakdown {
  readonly dimension: BreakdownDimension;
  /** True when every report is in exactly one item (the items add up to the period's total). */
  readonly additive: boolean;
  readonly items: readonly BreakdownItem[];
}

/** A deadline of the guide over the recent period: of the cases whose deadline was reached or has passed, how many on time. */
export interface DeadlineCompliance {
  readonly onTime: number;
  /** On time + missed + still open but passed. */
  readonly decided: number;
  /** Still open and not yet due: left out of the share. */
  readonly notYetDue: number;
}

export interface Compliance {
  readonly reports: number;
  readonly taken: number;
  /** The median time to take a case as the take-time bucket(s) it falls in; undefined when none was taken. */
  readonly medianTakeTime?: { readonly fromMinutes: number; readonly toMinutes: number };
  readonly measures: DeadlineCompliance;
  readonly policeAppointment: DeadlineCompliance;
  readonly closed: number;
  readonly closedWithResponse: number;
}

export interface MonthCount {
  readonly month: string;
  readonly count: number;
}

/** Exact figures of one scope at one moment; what a viewer may see of them is figure-view.ts. */
export interface Figures {
  readonly scope: FigureScope;
  readonly generatedAt: Date;
  readonly periods: FigurePeriods;
  /** The 24 months, oldest first: the previous period, then the recent one. */
  readonly perMonth: readonly MonthCount[];
  readonly recentTotal: number;
  readonly previousTotal: number;
  readonly trend: Trend;
  readonly breakdowns: readonly Breakdown[];
  /** Open cases with at least one deadline passed (all months). */
  readonly openOverdue: number;
  /** Reports in the recent period whose perpetrator had an earlier case in the organisation. */
  readonly repeatPerpetrator: number;
  readonly compliance: Compliance;
  /** Province scope: per organisation with reports in the recent period, in the order of ORGANISATIONS. */
  readonly compliancePerOrganisation?: readonly { readonly organisationId: string; readonly name: string; readonly compliance: Compliance }[];
}

const HOUR_MS = 3_600_000;

/** The hour slot of a due counter is over (the deadline has passed) once its hour has ended. */
function slotPassed(day: string, hour: number, now: Date): boolean {
  return Date.parse(`${day}T00:00:00Z`) + (hour + 1) * HOUR_MS <= now.getTime();
}

/** Sum of a due kind's counters in the buckets, split into passed and not yet due. */
function dueCounts(buckets: readonly DueBucket[], kind: 'any' | 'measures' | 'policeAppointment', now: Date): { passed: number; notYetDue: number } {
  let passed = 0;
  let notYetDue = 0;
  for (const bucket of buckets) {
    for (const [name, value] of Object.entries(bucket.counters)) {
      const parsed = parseDueCounter(name);
      if (parsed?.kind !== kind) continue;
      if (slotPassed(bucket.day, parsed.hour, now)) passed += value;
      else notYetDue += value;
    }
  }
  return { passed, notYetDue };
}

function sumMonths(months: ReadonlyMap<string, Counters>, which: readonly string[]): Counters {
  return addCounters(...which.map((m) => months.get(m) ?? {}));
}

/** The median of the take-time histogram, as the bucket range of the middle case(s). */
function medianTakeTime(counters: Counters): Compliance['medianTakeTime'] {
  const taken = count(counters, counterName.taken);
  if (taken === 0) return undefined;
  const ranks = [Math.ceil(taken / 2), Math.floor(taken / 2) + 1];
  const bucketAt = (rank: number): number => {
    let seen = 0;
    for (let bucket = 0; bucket < TAKE_TIME_BUCKETS.length; bucket++) {
      seen += count(counters, counterName.takeTime(bucket));
      if (seen >= rank) return bucket;
    }
    return TAKE_TIME_BUCKETS.length - 1;
  };
  const low = bucketAt(ranks[0]);
  const high = bucketAt(Math.min(ranks[1], taken));
  return { fromMinutes: low === 0 ? 0 : TAKE_TIME_BUCKETS[low - 1], toMinutes: TAKE_TIME_BUCKETS[high] };
}

function deadlineCompliance(counters: Counters, name: (o: (typeof DEADLINE_OUTCOMES)[number]) => string, notYetDue: number): DeadlineCompliance {
  const onTime = count(counters, name('onTime'));
  const missed = count(counters, name('missed'));
  const open = count(counters, name('open'));
  return { onTime, decided: onTime + missed + Math.max(0, open - notYetDue), notYetDue };
}

/** Compliance with the guide from the counters of a period and its open-deadline buckets (only those of the period). */
export function complianceOf(counters: Counters, due: readonly DueBucket[], now: Date): Compliance {
  const median = medianTakeTime(counters);
  return {
    reports: count(counters, counterName.total),
    taken: count(counters, counterName.taken),
    ...(median === undefined ? {} : { medianTakeTime: median }),
    measures: deadlineCompliance(counters, counterName.measures, dueCounts(due, 'measures', now).notYetDue),
    policeAppointment: deadlineCompliance(counters, counterName.policeAppointment, dueCounts(due, 'policeAppointment', now).notYetDue),
    closed: count(counters, counterName.closed('response')) + count(counters, counterName.closed('noResponse')),
    closedWithResponse: count(counters, counterName.closed('response')),
  };
}

function rolesOf(scope: FigureScope): readonly OfficeHolderRole[] {
  if (scope.kind === 'province') return OFFICE_HOLDER_ROLES;
  const organisation = findOrganisation(scope.organisationId);
  return organisation === undefined ? OFFICE_HOLDER_ROLES : ROLES_BY_KIND[organisation.kind];
}

/** The breakdowns of the recent period's counters, items in a fixed order (zeros included). */
function breakdownsOf(counters: Counters, scope: FigureScope): Breakdown[] {
  const item = (key: string, name: string): BreakdownItem => ({ key, count: count(counters, name) });
  const breakdowns: Breakdown[] = [];
  if (scope.kind === 'province') {
    breakdowns.push({ dimension: 'organisation', additive: true, items: ORGANISATIONS.map((o) => item(o.id, counterName.organisation(o.id))) });
  }
  breakdowns.push(
    { dimension: 'role', additive: true, items: rolesOf(scope).map((r) => item(r, counterName.role(r))) },
    { dimension: 'level', additive: true, items: BEHAVIOUR_LEVELS.map((l) => item(String(l.level), counterName.level(l.level))) },
    { dimension: 'kind', additive: false, items: INCIDENT_KINDS.map((k) => item(k, counterName.kind(k))) },
    // The planes of the behaviour (issue 10 point 8); cases counted before they were recorded have none.
    { dimension: 'domain', additive: false, items: BEHAVIOUR_DOMAINS.map((d) => item(d, counterName.domain(d))) },
    { dimension: 'channel', additive: true, items: [item('offline', counterName.channel('offline')), item('online', counterName.channel('online'))] },
    { dimension: 'injury', additive: true, items: [item('none', counterName.injuryNone), item('any', counterName.injuryAny)] },
    { dimension: 'injuryType', additive: false, items: INJURIES.map((i) => item(i, counterName.injury(i))) },
    { dimension: 'policeReport', additive: true, items: POLICE_REPORT_STATES.map((s) => item(s, counterName.policeReport(s))) },
    { dimension: 'repeatPerpetrator', additive: true, items: [item('yes', counterName.repeat(true)), item('no', counterName.repeat(false))] },
  );
  return breakdowns;
}

/** The figures of a scope at `now`, from its summary counters. Pure: `now` is passed in. */
export function buildFigures(source: FigureSource, scope: FigureScope, now: Date): Figures {
  const periods = figurePeriods(now);
  const recentMonths = new Set(periods.recentMonths);
  const perMonth = [...periods.previousMonths, ...periods.recentMonths].map((month) => ({ month, count: count(source.months.get(month) ?? {}, counterName.total) }));
  const recent = sumMonths(source.months, periods.recentMonths);
  const recentTotal = count(recent, counterName.total);
  const previousTotal = count(sumMonths(source.months, periods.previousMonths), counterName.total);
  const inRecent = (buckets: readonly DueBucket[]) => buckets.filter((b) => recentMonths.has(b.month));
  const figures: Figures = {
    scope,
    generatedAt: now,
    periods,
    perMonth,
    recentTotal,
    previousTotal,
    trend: reportTrend({ recent: recentTotal, recentDays: periods.recentDays, previous: previousTotal, previousDays: periods.previousDays }),
    breakdowns: breakdownsOf(recent, scope),
    openOverdue: dueCounts(source.due, 'any', now).passed,
    repeatPerpetrator: count(recent, counterName.repeat(true)),
    compliance: complianceOf(recent, inRecent(source.due), now),
  };
  if (scope.kind !== 'province' || source.organisations === undefined) return figures;
  const perOrganisation = ORGANISATIONS.flatMap((o) => {
    const data = source.organisations?.get(o.id);
    if (data === undefined) return [];
    const counters = sumMonths(data.months, periods.recentMonths);
    if (count(counters, counterName.total) === 0) return [];
    return [{ organisationId: o.id, name: o.name, compliance: complianceOf(counters, inRecent(data.due), now) }];
  });
  return { ...figures, compliancePerOrganisation: perOrganisation };
}


/** The directory lookups that decide who sees figures (lets tests pass plain data). */
export type FiguresDirectory = Pick<Directory, 'coordinatorVpt' | 'desksOf'>;

/**
 * Who may see which figures: the coordinator VPT the province (the guide gives the coordinator the
 * province-wide view), a desk's handler their own organisation(s); anyone else nothing.
 */
export function figureScopesOf(directory: FiguresDirectory, aadObjectId: string): FigureScope[] {
  const scopes: FigureScope[] = [];
  if (aadObjectId !== '' && directory.coordinatorVpt.aadObjectId === aadObjectId) scopes.push({ kind: 'province' });
  const organisations = new Set(directory.desksOf(aadObjectId).map((d) => d.organisationId));
  for (const organisationId of organisations) scopes.push({ kind: 'organisation', organisationId });
  return scopes;
}
