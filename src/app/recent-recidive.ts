import type { Case } from '../domain/case';
import type { Recidive, RecidiveOverview } from './recidive';

/** How long an overview is shown without reading the index again: a change on another instance shows after at most this. */
export const RECIDIVE_OVERVIEW_TTL_MS = 5_000;

/**
 * The recidive overviews of the cases handled most recently on this instance, kept a few seconds.
 * Every refresh and action of a handler's card needs the overview, and reading it costs up to three
 * index reads; it changes only when a case about the same perpetrator is filed or a match is decided.
 * Both are forgotten here at once when they happen on this instance; on another instance the overview
 * is at most RECIDIVE_OVERVIEW_TTL_MS old. Requests arriving together (many people opening one card)
 * share one read. Deciding a match never uses a kept overview (Recidive.decide reads afresh).
 */
export class RecentRecidive {
  private readonly kept = new Map<string, { readonly keys: readonly string[]; readonly until: number; readonly overview: Promise<RecidiveOverview> }>();

  constructor(
    private readonly recidive: Recidive,
    /** A monotonic clock in milliseconds: how long an overview is kept is no date of the case. */
    private readonly monotonicNow: () => number = () => performance.now(),
    private readonly max = 500,
  ) {}

  /** The overview of `c` as its handler sees it: kept, shared with a read under way, or read now. */
  overview(c: Case): Promise<RecidiveOverview> {
    const now = this.monotonicNow();
    const kept = this.kept.get(c.id);
    if (kept !== undefined && kept.until > now) return kept.overview;
    const overview = this.recidive.overview(c);
    // A failed read is not kept: the next request tries again.
    overview.catch(() => this.kept.get(c.id)?.overview === overview && this.kept.delete(c.id));
    this.kept.delete(c.id);
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(c.id, { keys: c.perpetratorKeys, until: now + RECIDIVE_OVERVIEW_TTL_MS, overview });
    return overview;
  }

  /** A case was filed: every kept case sharing one of its keys may have a new suggestion. */
  filed(c: Pick<Case, 'perpetratorKeys'>): void {
    const keys = new Set(c.perpetratorKeys);
    for (const [caseId, entry] of this.kept) if (entry.keys.some((k) => keys.has(k))) this.kept.delete(caseId);
  }

  /** A match between two cases was decided: both overviews changed. */
  decided(caseId: string, otherCaseId: string): void {
    this.kept.delete(caseId);
    this.kept.delete(otherCaseId);
  }
}
