import type { WorkingDayCalendar } from '../domain/working-days';
import { applyCommand, commandActor, isConsequenceEvent, recordMeetingPlanned, recordPerpetratorMatch, type Case, type CaseChange, type CaseCommand, type MeetingKind } from '../domain/case';
import { accessOf, type CaseAccess } from '../domain/case-access';
import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import { isDomainError } from '../domain/errors';
import type { RecidiveSubject } from '../domain/perpetrator';
import type { CaseHistoryReader, CaseHistoryRecord } from './case-history';
import { RecentCaseHistories } from './recent-case-histories';
import { RecentRecidive } from './recent-recidive';
import { effectsOf, figuresEffectsOf, officeHolderSees } from './case-effects';
import type { CaseNotifier } from './case-effect-runner';
import type { Logger } from './logger';
import type { OutboxStore, OutboxWake } from './outbox-ports';
import { isConflict, type CaseStore } from './ports';
import type { Recidive, RecidiveOverview } from './recidive';
import { MATCH_NOT_OPEN, ONLY_HANDLERS, ONLY_OFFICE_HOLDER } from '../copy/card-actions.copy';
import { userMessageOf } from '../copy/errors.copy';

export type { CaseCommand } from '../domain/case';

/** Refusals that mean the case already moved past what the card showed: the refused person hears who moved it. */
const MOVED_ON_CODES: ReadonlySet<string> = new Set(['CASE.INVALID_TRANSITION', 'CASE.ALREADY_TAKEN', 'CASE.CLOSED']);

/** How long a new case's own submission may take to route it before the repair job steps in. */
export const ROUTING_GRACE_MS = 2 * 60 * 1000;

/** The current case as an outcome shows it: what the viewer may do with it, and which stored version it is. */
interface CaseInView {
  case: Case;
  access: CaseAccess;
  /** Confirmed earlier cases of the perpetrator in the organisation (the dossier); 0 for anyone but a handler. */
  earlierCases: number;
  /** Recidive as the handler of the case sees it (issue 10 point 7); only for a handler of the case. */
  recidive?: RecidiveOverview;
  /** The stored version (ETag, and what recidive shows): the same version shows the same card. */
  version: string;
  /** The stored case's revision: its history as of then is the card's "Geschiedenis". */
  revision: number;
}

/** The outcome of a card action; every kind comes with the current case when there is one. */
export type CaseActionOutcome =
  | ({ outcome: 'done' } & CaseInView)
  /** Someone else changed the case first; `lastChange` is what they did (from the history), when known. */
  | ({ outcome: 'conflict'; lastChange?: CaseHistoryRecord } & CaseInView)
  /** `lastChange`: set when the case had already moved on (e.g. taken, measures proposed) — what, and by whom. */
  | ({ outcome: 'refused'; message: string; lastChange?: CaseHistoryRecord } & CaseInView)
  | { outcome: 'notFound' };

export interface CaseHandlingDependencies {
  cases: CaseStore;
  /** The case's history rows: the "Geschiedenis" on the card, and who won a race. */
  history: CaseHistoryReader;
  directory: Directory;
  recidive: Recidive;
  outbox: OutboxStore;
  /** The in-process outbox worker, woken after every write. */
  worker: OutboxWake;
  /** For the routing repair job: whether the desk card is there. */
  notifier: Pick<CaseNotifier, 'hasCaseCard'>;
  clock: Clock;
  /** Working days with the configured decree days: a police deadline decided later in the case counts them. */
  workingDays: WorkingDayCalendar;
  logger: Logger;
}

/**
 * Registering and handling a case. Every action reads the case once, authorises the caller against
 * the directory (never the card), asks the domain, and writes the change — with its history and the
 * effects it causes (case-effects.ts) — in one conditional write. The actor gets their new card at
 * once; the effects (other people's cards, messages, reminders) follow from the outbox.
 */
export class CaseHandlingService {
  private readonly histories: RecentCaseHistories;
  private readonly recidiveOverviews: RecentRecidive;

  constructor(private readonly deps: CaseHandlingDependencies) {
    this.histories = new RecentCaseHistories(deps.history);
    this.recidiveOverviews = new RecentRecidive(deps.recidive);
  }

  /** Earlier cases of the perpetrator in the organisation, for a case about to be submitted. */
  earlierCases(subject: RecidiveSubject): Promise<number> {
    return this.deps.recidive.countEarlier(subject);
  }

  /**
   * Stores a new case with its history and effects (desk card, notices, progress card, reminders) in
   * one write; 'exists' when it was stored before (a repeated or racing "Verstuur").
   */
  async register(change: CaseChange): Promise<'created' | 'exists'> {
    const c = change.case;
    await this.deps.recidive.file(c);
    this.recidiveOverviews.filed(c);
    try {
      await this.write(change, undefined);
    } catch (error) {
      if (isConflict(error)) return 'exists';
      throw error;
    }
    return 'created';
  }

  /** Carries out what is still waiting for a case right away (a repeated "Verstuur" after a failed routing). */
  retryEffects(caseId: string): void {
    this.deps.worker.wake(caseId);
  }

  /**
   * The routing repair job: a case nobody took, without a desk card and with nothing waiting in its
   * outbox (stored before the outbox existed), gets its desk card through the outbox. Returns how many.
   */
  async repairRouting(graceMs: number): Promise<number> {
    const now = this.deps.clock.now().getTime();
    let repaired = 0;
    for (const c of await this.deps.cases.listSubmitted()) {
      if (now - c.registeredAt.getTime() < graceMs) continue; // its own submission may still be routing it
      if ((await this.deps.outbox.load(c.id)).rows.length > 0) continue; // the outbox is on it
      if (await this.deps.notifier.hasCaseCard(c)) continue;
      this.deps.logger.warn('case.routing_repaired', { caseId: c.id });
      await this.deps.outbox.add(c.id, [{ kind: 'postDeskCard' }], new Date(now));
      this.deps.worker.wake(c.id);
      repaired += 1;
    }
    return repaired;
  }

  /**
   * A meeting with the perpetrator is about to be planned: the case notes it has planned meetings (so its
   * card reads them from then on) and its history gets the event. Retried when a card action crosses it.
   */
  async notePlannedMeeting(caseId: string, kind: MeetingKind, byAadObjectId: string): Promise<void> {
    await this.recordOnCase(caseId, (c) => recordMeetingPlanned(c, kind, byAadObjectId, this.deps.clock.now()));
  }

  /**
   * Writes what `record` makes of the current case, reading it again when a card action crossed the
   * write (a record never depends on what the card showed). The stored version written, or undefined
   * when the case is gone.
   */
  private async recordOnCase(caseId: string, record: (c: Case) => CaseChange): Promise<{ case: Case; etag: string; revision: number } | undefined> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.cases.get(caseId);
      if (!stored) return undefined;
      const change = record(stored.case);
      try {
        return { case: change.case, ...(await this.write(change, { etag: stored.etag, revision: stored.revision })) };
      } catch (error) {
        if (!isConflict(error) || attempt >= 5) throw error;
      }
    }
  }

  /** The cases this person reported ("mijn meldingen"): only their own, by their Entra object id. */
  ownCases(officeHolderAadObjectId: string): Promise<Case[]> {
    return this.deps.cases.listByOfficeHolder(officeHolderAadObjectId);
  }

  /** The current case for a viewer (card refresh), with what that viewer may see. */
  async view(caseId: string, actorAadObjectId: string): Promise<CaseActionOutcome> {
    const stored = await this.deps.cases.get(caseId);
    if (!stored) return { outcome: 'notFound' };
    return { outcome: 'done', ...(await this.inView(stored.case, stored, actorAadObjectId)) };
  }

  async execute(caseId: string, actorAadObjectId: string, command: CaseCommand): Promise<CaseActionOutcome> {
    const stored = await this.deps.cases.get(caseId);
    if (!stored) return { outcome: 'notFound' };
    const current = stored.case;
    const access = accessOf(current, actorAadObjectId, this.deps.directory);
    const needed = commandActor(command.kind);
    if (access !== needed) {
      this.deps.logger.warn('case.action_refused', { caseId, code: 'CASE.NOT_ALLOWED', detail: command.kind });
      const message =
        needed === 'handler'
          ? ONLY_HANDLERS
          : ONLY_OFFICE_HOLDER;
      return { outcome: 'refused', message, ...(await this.inView(current, stored, actorAadObjectId)) };
    }
    let change: CaseChange;
    try {
      change = applyCommand(current, actorAadObjectId, command, this.deps.clock.now(), { calendar: this.deps.workingDays, directory: this.deps.directory });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.deps.logger.info('case.action_rejected', { caseId, code: error.code, detail: command.kind });
      // The card was older than the case: someone already moved it on. Say who and what, not the rule.
      const movedOn = MOVED_ON_CODES.has(error.code) ? await this.lastChange(caseId, access) : undefined;
      return { outcome: 'refused', message: userMessageOf(error), ...(movedOn ? { lastChange: movedOn } : {}), ...(await this.inView(current, stored, actorAadObjectId)) };
    }
    // Nothing changed (e.g. a second click on a ticked step): nothing to write, nothing to tell anyone.
    if (change.events.length === 0) return { outcome: 'done', ...(await this.inView(current, stored, actorAadObjectId)) };
    let written: { etag: string; revision: number };
    try {
      written = await this.write(change, { etag: stored.etag, revision: stored.revision });
    } catch (error) {
      if (!isConflict(error)) throw error;
      // Someone acted at the same moment: theirs stands, and nothing of this attempt was written or sent.
      const fresh = await this.deps.cases.get(caseId);
      if (!fresh) return { outcome: 'notFound' };
      const lastChange = await this.lastChange(caseId, access);
      return { outcome: 'conflict', ...(lastChange ? { lastChange } : {}), ...(await this.inView(fresh.case, fresh, actorAadObjectId)) };
    }
    this.deps.logger.info('case.action_done', { caseId, detail: command.kind });
    return { outcome: 'done', ...(await this.inView(change.case, written, actorAadObjectId)) };
  }

  /** The case's history as of the revision an outcome showed, oldest first (for the card's "Geschiedenis"). */
  history(caseId: string, revision: number): Promise<CaseHistoryRecord[]> {
    return this.histories.asOf(caseId, revision);
  }

  /**
   * The newest change that is not a consequence of another (a deadline set or reached), among those
   * the person may see: the office holder never hears of a handler's own steps or of other cases.
   */
  private async lastChange(caseId: string, access: CaseAccess): Promise<CaseHistoryRecord | undefined> {
    const records = await this.deps.history.list(caseId);
    return [...records].reverse().find((r) => !isConsequenceEvent(r.type) && (access === 'handler' || officeHolderSees(r)));
  }

  /**
   * A handler of the case confirms or rejects a suggested match with another case of the organisation
   * (authorised here against the directory; the other case must be a current suggestion).
   */
  async decideMatch(caseId: string, actorAadObjectId: string, otherCaseId: string, decision: 'confirmed' | 'rejected'): Promise<CaseActionOutcome> {
    const stored = await this.deps.cases.get(caseId);
    if (!stored) return { outcome: 'notFound' };
    if (accessOf(stored.case, actorAadObjectId, this.deps.directory) !== 'handler') {
      this.deps.logger.warn('case.action_refused', { caseId, code: 'CASE.NOT_ALLOWED', detail: 'decideMatch' });
      return { outcome: 'refused', message: ONLY_HANDLERS, ...(await this.inView(stored.case, stored, actorAadObjectId)) };
    }
    const result = await this.deps.recidive.decide(stored.case, otherCaseId, { decision, byAadObjectId: actorAadObjectId, at: this.deps.clock.now() });
    if (result === 'notSuggested') {
      this.deps.logger.info('recidive.match_not_suggested', { caseId, detail: decision });
      // Decided meanwhile, perhaps on another instance: the card shows the overview as it is now.
      this.recidiveOverviews.decided(caseId, otherCaseId);
      const view = await this.inView(stored.case, stored, actorAadObjectId);
      return { outcome: 'refused', message: MATCH_NOT_OPEN, ...view };
    }
    this.deps.logger.info('recidive.match_decided', { caseId, detail: decision });
    this.recidiveOverviews.decided(caseId, otherCaseId);
    // The case's history keeps the decision: who, when, which case (the index keeps the decision itself).
    const match = { otherCaseId, otherCaseNumber: result.decided.caseNumber, decision };
    let written: Awaited<ReturnType<CaseHandlingService['recordOnCase']>>;
    try {
      written = await this.recordOnCase(caseId, (c) => recordPerpetratorMatch(c, match, actorAadObjectId, this.deps.clock.now()));
    } catch (error) {
      // The decision stands (the index has it); only its line in the history is missing: say so in the log, not to the handler.
      this.deps.logger.error('recidive.match_history_failed', { caseId, detail: error instanceof Error ? error.name : 'unknown' });
      return { outcome: 'done', ...(await this.inView(stored.case, stored, actorAadObjectId)) };
    }
    if (!written) return { outcome: 'notFound' };
    return { outcome: 'done', ...(await this.inView(written.case, written, actorAadObjectId)) };
  }

  /** One conditional write of the change, its history and its effects; then the outbox worker starts on them. Returns the new version. */
  private async write(change: CaseChange, expected: { etag: string; revision: number } | undefined): Promise<{ etag: string; revision: number }> {
    const c = change.case;
    const now = this.deps.clock.now();
    const written = await this.deps.cases.commit({
      case: c,
      ...(expected ? { expected } : {}),
      events: change.events,
      // The revision this change becomes (the repository numbers it the same way).
      effects: [...effectsOf(change.events, c, this.deps.directory), ...figuresEffectsOf(change.events, (expected?.revision ?? 0) + 1)],
      at: now,
      lease: this.deps.worker.lease(now),
    });
    this.deps.worker.wake(c.id, written);
    this.histories.written(c.id, written.revision, change.events);
    return { etag: written.etag, revision: written.revision };
  }

  private async inView(c: Case, stored: { etag: string; revision: number }, actorAadObjectId: string): Promise<CaseInView> {
    const { etag: version, revision } = stored;
    const counted = await this.deps.recidive.withCount(c);
    const access = accessOf(counted, actorAadObjectId, this.deps.directory);
    if (access !== 'handler') return { case: counted, access, earlierCases: 0, version, revision };
    // Need-to-know: only a handler of the case learns of other cases of the perpetrator.
    const recidive = await this.recidiveOverviews.overview(counted);
    return { case: counted, access, earlierCases: recidive.earlierConfirmed, recidive, version: `${version}|${recidive.fingerprint}`, revision };
  }
}
