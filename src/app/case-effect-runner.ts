import { proposalRound, type Case } from '../domain/case';
import type { InformedRole } from '../domain/roles';
import type { CaseEffect } from './case-effects';
import type { EffectRunner } from './outbox.service';
import type { CaseRevisionForFigures } from './figures.service';
import type { Recidive } from './recidive';

/** What the office holder is sent in their chat: a card, or a short message. */
export type OfficeHolderMessage = 'progress' | 'proposal' | 'taken' | 'approved' | 'closed' | 'restrictionsAdjusted';

/** Views of a case outside the actor's own card: the desk card, the office holder's chat, informed people. */
export interface CaseNotifier {
  /** Whether the case card was posted to the desk already. */
  hasCaseCard(c: Case): Promise<boolean>;
  postCaseCard(c: Case): Promise<void>;
  /** The desk card, so the handlers' views refresh. */
  updateDeskCard(c: Case): Promise<void>;
  /** The office holder's progress card, and an answered proposal (it then shows where it stands, without buttons). */
  updateOfficeHolderCards(c: Case): Promise<void>;
  sendOfficeHolder(c: Case, what: OfficeHolderMessage): Promise<void>;
  notifyInformed(c: Case, aadObjectId: string, role: InformedRole): Promise<void>;
  /** The coordinator VPT is asked for support (Arbeidsinspectie): a short 1:1 notice without incident details. */
  notifyCoordinator(c: Case): Promise<void>;
  /** The coordinator VPT's notice of a match across organisations: per other organisation, how many cases. */
  notifyCoordinatorOfRecidive?(c: Case, elsewhere: ReadonlyMap<string, number>): Promise<void>;
}

/** The reminders a case calls for now (issue 6). */
export interface CaseScheduler {
  scheduleFor(c: Case): Promise<unknown>;
}

/** The meeting planner's background retry (MeetingService.syncInBackground); throws while it must be tried again. */
export interface MeetingCalendarCatchUp {
  syncInBackground(caseId: string, meetingId: string): Promise<'booked' | 'nothing'>;
}

/** Counts a case's registration in the figures (FiguresService.applyCaseChange). */
export interface CaseCounting {
  applyCaseChange(change: CaseRevisionForFigures): Promise<unknown>;
}

/** Carries out a case's effects through the notifier, the reminder scheduler, the meeting planner and the figures. */
export class CaseEffectRunner implements EffectRunner {
  constructor(private readonly deps: { notifier: CaseNotifier; scheduler: CaseScheduler; recidive: Recidive; figures: CaseCounting; meetings?: () => MeetingCalendarCatchUp | undefined }) {}

  async run(effect: CaseEffect, c: Case): Promise<void> {
    const { notifier, scheduler, recidive, figures } = this.deps;
    switch (effect.kind) {
      case 'postDeskCard':
        // Posted before, and only its bookkeeping was lost: never a second card.
        if (await notifier.hasCaseCard(c)) return;
        return notifier.postCaseCard(await recidive.withCount(c));
      case 'notifyInformed':
        return notifier.notifyInformed(c, effect.aadObjectId, effect.role);
      case 'noticeRecidiveElsewhere': {
        const elsewhere = await recidive.elsewhereByOrganisation(c);
        if (elsewhere.size > 0) await notifier.notifyCoordinatorOfRecidive?.(c, elsewhere);
        return;
      }
      case 'sendProgressCard':
        return notifier.sendOfficeHolder(c, 'progress');
      case 'updateDeskCard':
        return notifier.updateDeskCard(await recidive.withCount(c));
      case 'updateOfficeHolderCards':
        return notifier.updateOfficeHolderCards(c);
      case 'sendProposal':
        // A newer proposal replaced this one before it went out: only the newest is sent.
        if (proposalRound(c) !== effect.round) return;
        return notifier.sendOfficeHolder(c, 'proposal');
      case 'tellOfficeHolder':
        return notifier.sendOfficeHolder(c, effect.message);
      case 'notifyCoordinator':
        return notifier.notifyCoordinator(c);
      case 'scheduleReminders':
        await scheduler.scheduleFor(c);
        return;
      case 'syncMeetingCalendar': {
        const meetings = this.deps.meetings?.();
        if (meetings === undefined) return;
        // Booked now: the desk card is updated, so the handlers' view shows it in the agenda.
        if ((await meetings.syncInBackground(c.id, effect.meetingId)) === 'booked') await notifier.updateDeskCard(await recidive.withCount(c));
        return;
      }
      case 'countFigures': {
        // The case as it is now (never older than the revision): the table keeps the newest it saw.
        const counted = await recidive.withCount(c);
        await figures.applyCaseChange({ caseId: c.id, sequence: effect.revision, after: counted, earlierCasesOfPerpetrator: counted.earlierCasesOfPerpetrator ?? 0 });
        return;
      }
    }
  }
}
