import { changeOf, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { throwIf } from './case-rules';
import { eventBase, move } from './case-transition';
import { incidentMeetingDeadline, restorationMeetingDeadline, sortDeadlines, type Deadline } from './deadlines';
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
function deadlinesForProposal(c: Case, measures: readonly Measure[], now: Date): Deadline[] {
  const kept = c.deadlines.filter((d) => d.kind !== 'incidentMeeting' && d.kind !== 'restorationMeeting');
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
export function proposeMeasures(c: Case, handlerAadObjectId: string, items: readonly MeasureInput[], now: Date): CaseChange {
  // Status and actor first: a wrong step is reported as such, whatever the items say.
  throwIf(commandRefusal(c, 'proposeMeasures', actorOf(c, handlerAadObjectId)));
  const round = c.measureHistory.filter((e) => e.action === 'proposed').length + 1;
  const measures = validateMeasureItems(items, round, now);
  const proposed: Case = {
    ...c,
    measures,
    deadlines: deadlinesForProposal(c, measures, now),
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
  const [next, events] = move(c, 'measuresApproved', handlerAadObjectId, now);
  return changeOf(c, next, eventBase(c, handlerAadObjectId, now), events);
}
