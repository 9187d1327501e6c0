import type { ShownMonth } from '../copy/figure-view.copy';
import type { Counters } from '../domain/registration/counters';
import type { DueBucket } from '../domain/registration/figures';
import type { RegistrationRow } from '../domain/registration/registration-row';

/** Where a case's registration is counted: the province, and the case's own organisation. */
export type CounterScope = 'province' | { readonly organisationId: string };

/**
 * One change of a case as the figures see it. `sequence` grows with every change of the case (the
 * number of its history event): a change is applied at most once, and an older one arriving after
 * a newer one is ignored. `before` and `after` are the registration rows around the change; the
 * store keeps the row it last counted per case and moves the counters from that one, so a lost,
 * repeated or late change cannot skew them. `after` absent: the case no longer counts.
 */
export interface RegistrationChange {
  readonly caseId: string;
  readonly sequence: number;
  readonly before?: RegistrationRow;
  readonly after?: RegistrationRow;
}

/** The monthly summary table behind the figures and the CSV export. */
export interface FiguresStore {
  /** Counts a change in the province and in the case's organisation; 'skipped' when already counted (both). */
  applyChange(change: RegistrationChange): Promise<'applied' | 'skipped'>;
  /** Month counters ('yyyy-MM' → counters) of a scope, `from` to `to` inclusive; months without reports are absent. */
  readMonths(scope: CounterScope, from: string, to: string): Promise<Map<string, Counters>>;
  /** Open-deadline buckets of a scope, of registration months `from`–`to` (all months when omitted). */
  readDue(scope: CounterScope, months?: { from: string; to: string }): Promise<DueBucket[]>;
  /** The registration rows of a scope registered in months `from`–`to`, oldest month first. */
  listRegistrations(scope: CounterScope, from: string, to: string): Promise<RegistrationRow[]>;
  /** Whether the one-time count of the cases stored before the figures existed has been done. */
  isBackfilled(): Promise<boolean>;
  /** Records that it has (after the last case was counted). */
  markBackfilled(at: Date): Promise<void>;
}

/** A drawn chart of the figures (src/reports/figures-chart.ts draws it). */
export interface ChartImage {
  readonly png: Buffer;
  /** `data:image/png;base64,…`, for an Adaptive Card Image. */
  readonly dataUri: string;
  /** Dutch description for screen readers (the table beside it has the numbers). */
  readonly altText: string;
}

/** Draws the months of a figures view (oldest first) as a chart (src/reports/figures-chart.ts). */
export type ChartDrawer = (months: readonly ShownMonth[]) => Promise<ChartImage>;
