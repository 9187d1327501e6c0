import type { Case } from '../domain/case';
import type { Clock } from '../domain/clock';
import { DomainError } from '../domain/errors';
import { findOrganisation, ORGANISATIONS } from '../domain/organisations';
import { amsterdamMonth, figurePeriods } from '../domain/registration/figure-periods';
import { figureView, type FigureView } from '../copy/figure-view.copy';
import { buildFigures, figureScopesOf, type FigureScope, type Figures, type FiguresDirectory } from '../domain/registration/figures';
import { registrationRow, type RegistrationRow } from '../domain/registration/registration-row';
import type { CounterScope, FiguresStore } from './figures-ports';

/**
 * A case before and after one event, as the figures count it (not the domain's CaseChange, which
 * carries the events themselves).
 */
export interface CaseRevisionForFigures {
  readonly caseId: string;
  /** Grows with every event of the case (the history row's number). */
  readonly sequence: number;
  readonly before?: Case;
  readonly after?: Case;
  /** Earlier cases of the same perpetrator in the organisation, fixed at submission. */
  readonly earlierCasesOfPerpetrator: number;
}

const MAX_EXPORT_MONTHS = 36;
/** Organisation partitions read at once: enough to hide latency, few enough not to flood the storage. */
const READ_CONCURRENCY = 8;

function counterScope(scope: FigureScope): CounterScope {
  return scope.kind === 'province' ? 'province' : { organisationId: scope.organisationId };
}

function sameScope(a: FigureScope, b: FigureScope): boolean {
  return a.kind === b.kind && (a.kind === 'province' || a.organisationId === (b as { organisationId: string }).organisationId);
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

/**
 * The figures use cases: who may see which figures, building them from the summary table, the
 * registration rows for the CSV, and counting a case change (the outbox's hook).
 */
export class FiguresService {
  constructor(private readonly deps: { store: FiguresStore; directory: FiguresDirectory; clock: Clock }) {}

  /** What a person may see: the coordinator VPT the province, a desk's handler their own organisation(s). */
  scopesOf(aadObjectId: string): FigureScope[] {
    return figureScopesOf(this.deps.directory, aadObjectId);
  }

  /** The scope asked for, or the person's first; throws FIGURES.NOT_ALLOWED outside what they may see. */
  private allowedScope(aadObjectId: string, scope?: FigureScope): FigureScope {
    const allowed = this.scopesOf(aadObjectId);
    const chosen = scope ?? allowed[0];
    if (chosen === undefined || !allowed.some((s) => sameScope(s, chosen))) {
      // Ids only: this may be logged.
      throw new DomainError('FIGURES.NOT_ALLOWED', { detail: `no figures for ${aadObjectId}` });
    }
    return chosen;
  }

  /** Builds the figures a person may see, and what they may see of them. */
  async figuresFor(aadObjectId: string, scope?: FigureScope): Promise<{ figures: Figures; view: FigureView }> {
    const chosen = this.allowedScope(aadObjectId, scope);
    const now = this.deps.clock.now();
    const { previousMonths, recentMonths } = figurePeriods(now);
    const [first, last] = [previousMonths[0], recentMonths[11]];
    const window = { from: recentMonths[0], to: last };
    const [months, due] = await Promise.all([this.deps.store.readMonths(counterScope(chosen), first, last), this.deps.store.readDue(counterScope(chosen))]);
    let organisations: Map<string, { months: Map<string, Readonly<Record<string, number>>>; due: Awaited<ReturnType<FiguresStore['readDue']>> }> | undefined;
    if (chosen.kind === 'province') {
      // Compliance per organisation: the recent period of each organisation's partition.
      const perOrganisation = await inBatches(ORGANISATIONS, READ_CONCURRENCY, async (o) => {
        const scopeOf = { organisationId: o.id };
        const [m, d] = await Promise.all([this.deps.store.readMonths(scopeOf, window.from, window.to), this.deps.store.readDue(scopeOf, window)]);
        return [o.id, { months: m, due: d }] as const;
      });
      organisations = new Map(perOrganisation.filter(([, data]) => data.months.size > 0));
    }
    const figures = buildFigures({ months, due, ...(organisations ? { organisations } : {}) }, chosen, now);
    return { figures, view: figureView(figures, { crossOrganisation: chosen.kind === 'province' }) };
  }

  /**
   * The anonymous registration rows of months `from`–`to` ('yyyy-MM') for the CSV export, within what
   * the person may see. The period is whole months, not in the future, at most 36 months.
   */
  async registrationsFor(aadObjectId: string, period: { from: string; to: string }, scope?: FigureScope): Promise<{ scope: FigureScope; rows: RegistrationRow[] }> {
    const chosen = this.allowedScope(aadObjectId, scope);
    const valid = /^\d{4}-\d{2}$/;
    const months = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
    const current = amsterdamMonth(this.deps.clock.now());
    if (!valid.test(period.from) || !valid.test(period.to) || period.from > period.to || period.to > current || months(period.to) - months(period.from) + 1 > MAX_EXPORT_MONTHS) {
      throw new DomainError('FIGURES.INVALID_PERIOD', { detail: `${period.from}..${period.to}` });
    }
    return { scope: chosen, rows: await this.deps.store.listRegistrations(counterScope(chosen), period.from, period.to) };
  }

  /**
   * Counts every stored case once, for cases stored before the figures were kept (their changes never
   * went through the outbox's countFigures). Each case is counted as of its stored revision, so a case
   * counted already (by the outbox, or by another instance's backfill at the same time) is skipped and
   * a newer change always wins. Done once per table: a marker row says so.
   */
  async backfill(cases: AsyncIterable<{ case: Case; revision: number }>, withCount: (c: Case) => Promise<Case>): Promise<number> {
    if (await this.deps.store.isBackfilled()) return 0;
    let applied = 0;
    for await (const { case: c, revision } of cases) {
      const counted = await withCount(c);
      const outcome = await this.applyCaseChange({ caseId: c.id, sequence: revision, after: counted, earlierCasesOfPerpetrator: counted.earlierCasesOfPerpetrator ?? 0 });
      if (outcome === 'applied') applied += 1;
    }
    await this.deps.store.markBackfilled(this.deps.clock.now());
    return applied;
  }

  /** Counts one change of a case (called by the outbox for every case event). */
  async applyCaseChange(change: CaseRevisionForFigures): Promise<'applied' | 'skipped'> {
    const facts = { earlierCasesOfPerpetrator: change.earlierCasesOfPerpetrator };
    const organisationId = (change.after ?? change.before)?.organisationId;
    if (organisationId === undefined || findOrganisation(organisationId) === undefined) return 'skipped';
    return this.deps.store.applyChange({
      caseId: change.caseId,
      sequence: change.sequence,
      ...(change.before ? { before: registrationRow(change.before, facts) } : {}),
      ...(change.after ? { after: registrationRow(change.after, facts) } : {}),
    });
  }
}
