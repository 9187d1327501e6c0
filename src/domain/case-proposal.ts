import { changeOf, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { throwIf } from './case-rules';
import { eventBase, move } from './case-transition';
import { damageClaimTask, damageRecoveryWaiverFor } from './damage-recovery';
import { incidentMeetingDeadline, policeAppointmentDeadline, restorationMeetingDeadline, sortDeadlines, type Deadline } from './deadlines';
import type { WorkingDayCalendar } from './working-days';
import { validateMeasureItems, whyNoIncidentMeetingDeadline, type Measure, type MeasureInput, type NoIncidentMeetingDeadline } from './measures';

/** Measures: proposed by a handler, agreed (or sent back) by the office holder, approved by a handler. */

/**
 * The case's deadlines after a proposal of `measures` at `now` (domain.md "Deadlines"):
 * - the incidentgesprek, 72 hours after the incident, only while the proposal includes one (alone or
 *   combined) and the perpetrator is known; a later proposal keeps it as first set (never moved), one
 *   without it removes it;
 * - the herstelgesprek when the restrictive measures end (their end date may change with a proposal).
 * Deadlines from the registration stay as they are.
 */
function deadlinesForProposal(c: Case, measures: readonly Measure[], now: Date, calendar: WorkingDayCalendar | undefined): Deadline[] {
  const kept = c.deadlines.filter((d) => d.kind !== 'incidentMeeting' && d.kind !== 'restorationMeeting' && !policeDeadlineOfAProposal(c, d));
  const police = c.deadlines.find((d) => d.kind === 'policeAppointment');
  if (measures.some((m) => m.kind === 'policeReport')) {
    // "idealiter binnen 2 werkdagen": a melding or aangifte decided later in the case gets the same term, from the decision.
    if (police === undefined) {
      if (calendar === undefined) throw new Error('proposeMeasures needs the working-day calendar for a police report');
      kept.push(policeAppointmentDeadline(now, calendar));
    } else if (policeDeadlineOfAProposal(c, police)) {
      kept.push(police);
    }
  } else if (police !== undefined && policeDeadlineOfAProposal(c, police) && c.goalReachedAt.policeAppointment !== undefined) {
    kept.push(police); // met already: history, not a reminder
  }
  const incident = c.deadlines.find((d) => d.kind === 'incidentMeeting');
  if (whyNoIncidentMeetingDeadline(measures, c.report) === undefined) {
    kept.push(incident ?? incidentMeetingDeadline(new Date(c.report.incidentAt), now));
  }
  const endsAt = measures.find((m) => m.kind === 'restrictiveMeasures')?.endsAt;
  if (endsAt !== undefined) {
    const restoration = c.deadlines.find((d) => d.kind === 'restorationMeeting');
    kept.push(restoration?.dueAt.getTime() === endsAt.getTime() ? restoration : restorationMeetingDeadline(endsAt, now));
  }
  return sortDeadlines(kept);
}

/** A police deadline that came with a proposal (not with the registration): a later proposal without the police report takes it away. */
function policeDeadlineOfAProposal(c: Case, d: Deadline): boolean {
  return d.kind === 'policeAppointment' && d.setAt.getTime() > c.registeredAt.getTime();
}

/** Why the case has no incidentgesprek deadline (nothing chosen, or nobody to talk to); undefined when it has one. */
export function noIncidentMeetingDeadlineReason(c: Case): NoIncidentMeetingDeadline | undefined {
  if (c.deadlines.some((d) => d.kind === 'incidentMeeting')) return undefined;
  return whyNoIncidentMeetingDeadline(c.measures, c.report) ?? 'notChosen';
}

/**
 * A handler proposes measures to the office holder: from 'inProgress', also again after the office
 * holder sent a proposal back. The proposal sets the incidentgesprek and herstelgesprek deadlines
 * (deadlinesForProposal); a proposed melding/aangifte brings the police checklist if the case had none.
 */
export interface ProposalOptions {
  /** Needed when the proposal brings a police deadline (a melding or aangifte decided now). */
  readonly calendar?: WorkingDayCalendar;
  /** Why reported damage or absence is not recovered (damage-recovery.ts). */
  readonly noDamageRecoveryReason?: string;
}

export function proposeMeasures(c: Case, handlerAadObjectId: string, items: readonly MeasureInput[], now: Date, options: ProposalOptions = {}): CaseChange {
  // Status and actor first: a wrong step is reported as such, whatever the items say.
  throwIf(commandRefusal(c, 'proposeMeasures', actorOf(c, handlerAadObjectId)));
  const round = c.measureHistory.filter((e) => e.action === 'proposed').length + 1;
  const measures = validateMeasureItems(items, round, now);
  const waiver = damageRecoveryWaiverFor(c, measures, options.noDamageRecoveryReason, handlerAadObjectId, now);
  const { damageRecoveryWaiver: _earlier, ...withoutWaiver } = c;
  const proposed: Case = {
    ...withoutWaiver,
    ...(waiver ? { damageRecoveryWaiver: waiver } : {}),
    measures,
    deadlines: deadlinesForProposal(c, measures, now, options.calendar),
    ...(c.policeChecklist === undefined && measures.some((m) => m.kind === 'policeReport') ? { policeChecklist: { ticks: [] } } : {}),
  };
  const [next, events] = move(proposed, 'measuresProposed', handlerAadObjectId, now);
  return changeOf(c, next, eventBase(c, handlerAadObjectId, now), events);
}

/** The office holder agrees to the proposed measures, optionally with a remark. */
export function agreeToMeasures(c: Case, officeHolderAadObjectId: string, now: Date, comment?: string): CaseChange {
  throwIf(commandRefusal(c, 'agreeMeasures', actorOf(c, officeHolderAadObjectId)));
  const [next, events] = move(c, 'measuresAgreed', officeHolderAadObjectId, now, comment === undefined ? {} : { comment });
  return changeOf(c, next, eventBase(c, officeHolderAadObjectId, now), events);
}

/** The office holder sends a measures proposal back to the handler, with a comment. */
export function sendBackProposal(c: Case, officeHolderAadObjectId: string, comment: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'sendBackMeasures', actorOf(c, officeHolderAadObjectId)));
  const [next, events] = move(c, 'inProgress', officeHolderAadObjectId, now, { comment });
  return changeOf(c, next, eventBase(c, officeHolderAadObjectId, now), events);
}

/** A handler approves the agreed measures; this reaches the goal of the measures deadline. */
export function approveMeasures(c: Case, handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'approveMeasures', actorOf(c, handlerAadObjectId)));
  const [approved, events] = move(c, 'measuresApproved', handlerAadObjectId, now);
  const damageTask = damageClaimTask(approved, now);
  const next = damageTask === undefined ? approved : { ...approved, tasks: [...approved.tasks, damageTask] };
  return changeOf(c, next, eventBase(c, handlerAadObjectId, now), events);
}
