import {
  agreeToMeasures,
  approveMeasures,
  closeCase,
  completeTask,
  proposalRound,
  proposeMeasures,
  recordLabourInspectorateWarned,
  recordMeetingHeld,
  recordPerpetratorResponse,
  sendBackProposal,
  takeCase,
  type Case,
  type EvaluationInput,
  type MeasureInput,
  type MeetingKind,
  type PerpetratorResponseInput,
} from '../domain/case';
import { accessOf, type CaseAccess } from '../domain/case-access';
import type { Clock } from '../domain/clock';
import type { Directory, DirectoryPerson } from '../domain/directory';
import { isDomainError } from '../domain/errors';
import { countEarlierCases } from '../domain/perpetrator';
import { tickChecklistStep, untickChecklistStep, type PoliceChecklistStep } from '../domain/police-checklist';
import type { InformedRole } from '../domain/roles';
import type { Logger } from './logger';
import { isConflict, type CaseStore } from './ports';

/** How long a new case's own submit may take to route it before anything else completes it. */
export const ROUTING_GRACE_MS = 2 * 60 * 1000;

/** What the handler or office holder asked for with a card button. */
export type CaseCommand =
  | { kind: 'take' }
  | { kind: 'proposeMeasures'; items: MeasureInput[] }
  | { kind: 'agreeMeasures'; comment?: string; round?: number }
  | { kind: 'sendBackMeasures'; comment: string; round?: number }
  | { kind: 'approveMeasures' }
  | { kind: 'tickChecklistStep'; step: PoliceChecklistStep }
  | { kind: 'untickChecklistStep'; step: PoliceChecklistStep }
  | { kind: 'recordInspectorateWarned' }
  | { kind: 'recordMeetingHeld'; meetingKind: MeetingKind; heldAt: Date }
  | { kind: 'recordResponse'; response: PerpetratorResponseInput }
  | { kind: 'completeTask'; taskId: string }
  | { kind: 'close'; evaluation: EvaluationInput };

/** Who may give each command: the office holder only agrees or answers; everything else is the handler's. */
const OFFICE_HOLDER_COMMANDS: ReadonlySet<CaseCommand['kind']> = new Set(['agreeMeasures', 'sendBackMeasures']);

/** The outcome of a card action; every kind comes with the current case when there is one. */
export type CaseActionOutcome =
  | { outcome: 'done'; case: Case; access: CaseAccess; earlierCases: number }
  | { outcome: 'conflict'; case: Case; access: CaseAccess; earlierCases: number }
  | { outcome: 'refused'; case: Case; access: CaseAccess; earlierCases: number; message: string }
  | { outcome: 'notFound' };

/** Views of a case outside the actor's own card: the desk card, the office holder's chat, informed people. */
export interface CaseNotifier {
  /** Whether the case card was posted to the desk already. */
  hasCaseCard(c: Case): Promise<boolean>;
  postCaseCard(c: Case, earlierCases: number): Promise<void>;
  refreshViews(c: Case, earlierCases: number): Promise<void>;
  sendOfficeHolder(c: Case, what: 'progress' | 'proposal' | 'approved' | 'closed'): Promise<void>;
  notifyInformed(c: Case, person: DirectoryPerson, role: InformedRole): Promise<void>;
}

/** After any change: the reminders that now apply (issue 6). */
export interface CaseScheduler {
  scheduleFor(c: Case): Promise<unknown>;
}

export interface CaseHandlingDependencies {
  cases: CaseStore;
  directory: Directory;
  notifier: CaseNotifier;
  scheduler: CaseScheduler;
  clock: Clock;
  logger: Logger;
}

/**
 * Handling a case after submission. Every action reloads the case, authorises the caller against
 * the directory (never the card), applies the domain rule and saves with the ETag it read.
 */
export class CaseHandlingService {
  constructor(private readonly deps: CaseHandlingDependencies) {}

  /**
   * A new case: card to the handler desk, notices to informed people, progress card and reminders.
   * Safe to call again for the same case (a repeated "Verstuur"): once the desk card is there, only
   * the reminders are checked, so a routing that failed the first time is completed, never doubled.
   */
  async onSubmitted(c: Case): Promise<void> {
    if (await this.deps.notifier.hasCaseCard(c).catch(() => false)) {
      await this.sideEffect('case.schedule_failed', c, () => this.deps.scheduler.scheduleFor(c));
      return;
    }
    // A failing recidive lookup must not stop the routing: the count is only shown on the card.
    const earlier = await this.earlierCases(c).catch(() => 0);
    await this.sideEffect('case.post_failed', c, () => this.deps.notifier.postCaseCard(c, earlier));
    for (const party of c.route.informed) {
      if (party.external || !party.organisationId) continue; // external parties are a task on the case
      for (const person of this.deps.directory.informedPeople(party.organisationId, party.role)) {
        if (person.aadObjectId === c.officeHolder.aadObjectId) continue;
        await this.sideEffect('case.inform_failed', c, () => this.deps.notifier.notifyInformed(c, person, party.role));
      }
    }
    await this.sideEffect('case.progress_failed', c, () => this.deps.notifier.sendOfficeHolder(c, 'progress'));
    await this.sideEffect('case.schedule_failed', c, () => this.deps.scheduler.scheduleFor(c));
  }

  /**
   * Completes routing that failed at submission (e.g. the bot was not yet in the desk's team):
   * every untaken case older than `graceMs` without a desk card is routed now. Returns how many.
   */
  async repairRouting(graceMs: number): Promise<number> {
    const now = this.deps.clock.now().getTime();
    let repaired = 0;
    for (const c of await this.deps.cases.listSubmitted()) {
      if (now - c.registeredAt.getTime() < graceMs) continue; // its own submit may still be routing it
      if (await this.deps.notifier.hasCaseCard(c)) continue;
      this.deps.logger.warn('case.routing_repaired', { caseId: c.id });
      await this.onSubmitted(c);
      repaired += 1;
    }
    return repaired;
  }

  /** The current case for a viewer (card refresh), with what that viewer may see. */
  async view(caseId: string, actorAadObjectId: string): Promise<CaseActionOutcome> {
    const stored = await this.deps.cases.get(caseId);
    if (!stored) return { outcome: 'notFound' };
    return { outcome: 'done', case: stored.case, access: accessOf(stored.case, actorAadObjectId, this.deps.directory), earlierCases: await this.earlierCases(stored.case) };
  }

  async execute(caseId: string, actorAadObjectId: string, command: CaseCommand): Promise<CaseActionOutcome> {
    const stored = await this.deps.cases.get(caseId);
    if (!stored) return { outcome: 'notFound' };
    const current = stored.case;
    const access = accessOf(current, actorAadObjectId, this.deps.directory);
    const earlierCases = await this.earlierCases(current);
    const needed: CaseAccess = OFFICE_HOLDER_COMMANDS.has(command.kind) ? 'officeHolder' : 'handler';
    if (access !== needed) {
      this.deps.logger.warn('case.action_refused', { caseId, code: 'CASE.NOT_ALLOWED', detail: command.kind });
      const message =
        needed === 'handler'
          ? 'Alleen de afhandelaars van deze zaak kunnen dit doen. Je ziet de actuele stand van zaken.'
          : 'Alleen de betrokkene kan op dit voorstel reageren.';
      return { outcome: 'refused', case: current, access, earlierCases, message };
    }
    // An answer from an older proposal card must not count for a newer proposal the person never saw.
    if ((command.kind === 'agreeMeasures' || command.kind === 'sendBackMeasures') && command.round !== undefined && command.round !== proposalRound(current)) {
      return { outcome: 'refused', case: current, access, earlierCases, message: 'Dit voorstel is inmiddels vervangen door een nieuw voorstel. Bekijk het nieuwste voorstel in je chat.' };
    }
    let next: Case;
    try {
      next = apply(current, actorAadObjectId, command, this.deps.clock.now());
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.deps.logger.info('case.action_rejected', { caseId, code: error.code, detail: command.kind });
      return { outcome: 'refused', case: current, access, earlierCases, message: error.userMessage };
    }
    try {
      await this.deps.cases.replace(next, stored.etag);
    } catch (error) {
      if (!isConflict(error)) throw error;
      // Someone acted at the same moment: theirs stands; show the fresh case, never overwrite.
      const fresh = await this.deps.cases.get(caseId);
      if (!fresh) return { outcome: 'notFound' };
      return { outcome: 'conflict', case: fresh.case, access: accessOf(fresh.case, actorAadObjectId, this.deps.directory), earlierCases };
    }
    this.deps.logger.info('case.action_done', { caseId, detail: command.kind });
    await this.afterChange(next, command, earlierCases);
    return { outcome: 'done', case: next, access, earlierCases };
  }

  private async afterChange(c: Case, command: CaseCommand, earlierCases: number): Promise<void> {
    await this.sideEffect('case.schedule_failed', c, () => this.deps.scheduler.scheduleFor(c));
    await this.sideEffect('case.refresh_failed', c, () => this.deps.notifier.refreshViews(c, earlierCases));
    const message = ({ proposeMeasures: 'proposal', approveMeasures: 'approved', close: 'closed' } as const)[command.kind as 'proposeMeasures' | 'approveMeasures' | 'close'];
    if (message) await this.sideEffect('case.notify_failed', c, () => this.deps.notifier.sendOfficeHolder(c, message));
  }

  private async earlierCases(c: Case): Promise<number> {
    if (c.perpetratorKeys.length === 0) return 0;
    return countEarlierCases(c, await this.deps.cases.listSamePerpetrator(c.organisationId, c.perpetratorKeys));
  }

  /** Notifications must not undo a stored change; a failure is logged with the case id only. */
  private async sideEffect(event: string, c: Case, effect: () => Promise<unknown>): Promise<void> {
    try {
      await effect();
    } catch (error) {
      // Name and HTTP status only: an error message may quote what it failed to send.
      const status = (error as { status?: unknown }).status;
      this.deps.logger.warn(event, { caseId: c.id, code: (error as Error).name, ...(typeof status === 'number' ? { status } : {}) });
    }
  }
}

function apply(c: Case, by: string, command: CaseCommand, now: Date): Case {
  switch (command.kind) {
    case 'take':
      return takeCase(c, by, now);
    case 'proposeMeasures':
      return proposeMeasures(c, by, command.items, now);
    case 'agreeMeasures':
      return agreeToMeasures(c, by, now, command.comment);
    case 'sendBackMeasures':
      return sendBackProposal(c, by, command.comment, now);
    case 'approveMeasures':
      return approveMeasures(c, by, now);
    case 'tickChecklistStep':
      return tickChecklistStep(c, command.step, by, now);
    case 'untickChecklistStep':
      return untickChecklistStep(c, command.step, by);
    case 'recordInspectorateWarned':
      return recordLabourInspectorateWarned(c, by, now);
    case 'recordMeetingHeld':
      return recordMeetingHeld(c, command.meetingKind, by, command.heldAt, now);
    case 'recordResponse':
      return recordPerpetratorResponse(c, command.response, by, now);
    case 'completeTask':
      return completeTask(c, command.taskId, by, now);
    case 'close':
      return closeCase(c, by, now, command.evaluation);
  }
}
