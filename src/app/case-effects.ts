import { z } from 'zod';
import type { Case, CaseEvent } from '../domain/case';
import type { Directory } from '../domain/directory';
import { OFFICE_HOLDER_VISIBLE_STEPS } from '../domain/police-checklist';
import { INFORMED_ROLES } from '../domain/roles';

/**
 * What a change of a case must cause outside the actor's own card, and the policy that decides it
 * from the change's events. Each effect becomes one outbox row, written with the change in one
 * transaction and carried out once by the outbox worker (outbox.service.ts), so a crash between the
 * write and the send loses nothing. Effects carry ids only: the worker renders from the case as it is then.
 */
export const caseEffectSchema = z.discriminatedUnion('kind', [
  /** The case card in the desk's channel (a new case). */
  z.object({ kind: z.literal('postDeskCard') }),
  /** A short notice to a person the route informs (burgemeester, griffier, …), without incident details. */
  z.object({ kind: z.literal('notifyInformed'), aadObjectId: z.string().min(1), role: z.enum(INFORMED_ROLES) }),
  /**
   * A new case naming its perpetrator: when cases of other organisations share a key, the coordinator
   * VPT gets one short notice (organisations and counts only). Once per case, through the outbox.
   */
  z.object({ kind: z.literal('noticeRecidiveElsewhere') }),
  /** The office holder's progress card in their chat (a new case). */
  z.object({ kind: z.literal('sendProgressCard') }),
  /** The desk card updated, so every handler's view refreshes. */
  z.object({ kind: z.literal('updateDeskCard') }),
  /** The office holder's progress card (and an answered proposal) updated. */
  z.object({ kind: z.literal('updateOfficeHolderCards') }),
  /** A measures proposal to agree to or answer, in the office holder's chat. */
  z.object({ kind: z.literal('sendProposal'), round: z.number().int().min(1) }),
  /** A short message to the office holder: a handler took their case (by name), their measures were approved or their restrictions adjusted, or their case closed. */
  z.object({ kind: z.literal('tellOfficeHolder'), message: z.enum(['taken', 'approved', 'closed', 'restrictionsAdjusted']) }),
  /** A short notice to the coordinator VPT: support asked with the Arbeidsinspectie (no incident details). */
  z.object({ kind: z.literal('notifyCoordinator') }),
  /** The case's reminders planned again (its deadlines, goals or status changed). */
  z.object({ kind: z.literal('scheduleReminders') }),
  /**
   * A planned meeting's calendar brought up to date after Graph stayed busy during the card action
   * (added outside a change, see MeetingService.syncInBackground); the desk card shows it once done.
   */
  z.object({ kind: z.literal('syncMeetingCalendar'), meetingId: z.string().uuid() }),
  /**
   * The case's registration row counted again in the figures' summary table, as of `revision` (the
   * change's number: the table skips a revision it counted already, or an older one arriving late).
   */
  z.object({ kind: z.literal('countFigures'), revision: z.number().int().min(1) }),
]);
export type CaseEffect = z.infer<typeof caseEffectSchema>;
export type CaseEffectKind = CaseEffect['kind'];

/** Events after which the reminder plan can differ: it depends on the deadlines, their goals and whether the case is closed. */
const REMINDER_EVENTS: ReadonlySet<CaseEvent['type']> = new Set(['caseSubmitted', 'deadlineSet', 'deadlineDropped', 'goalReached', 'goalReopened', 'caseClosed']);

/**
 * Whether the office holder may see what the event changed (tasks and most checklist steps are the
 * handler's; other cases of the perpetrator are the handlers' only): their progress card, and who moved
 * their case on when their own action came too late.
 */
export function officeHolderSees(event: CaseEvent): boolean {
  switch (event.type) {
    case 'caseSubmitted':
    case 'taskCompleted':
    case 'meetingPlanned':
    case 'informedPersonAdded':
    case 'informedPersonRemoved':
    case 'coordinatorInvolved':
    case 'meetingReportRecorded':
    case 'policeReportRecorded':
    case 'restrictionsConfirmed':
    case 'perpetratorMatchDecided': // other cases of the perpetrator are for the handlers only (need-to-know)
      return false;
    case 'checklistStepTicked':
    case 'checklistStepUnticked':
      return (OFFICE_HOLDER_VISIBLE_STEPS as readonly number[]).includes(event.step);
    default:
      return true;
  }
}

/** The effects of one change, in the order they should happen: new posts, messages, card updates, reminders. */
export function effectsOf(events: readonly CaseEvent[], c: Case, directory: Pick<Directory, 'informedPeople'>): CaseEffect[] {
  const effects: CaseEffect[] = [];
  for (const event of events) {
    if (event.type === 'caseSubmitted') {
      effects.push({ kind: 'postDeskCard' }, ...informedNotices(c, directory), { kind: 'sendProgressCard' });
      if (c.perpetratorKeys.length > 0) effects.push({ kind: 'noticeRecidiveElsewhere' });
    } else if (event.type === 'caseTaken') {
      effects.push({ kind: 'tellOfficeHolder', message: 'taken' });
    } else if (event.type === 'measuresProposed') {
      effects.push({ kind: 'sendProposal', round: event.round });
    } else if (event.type === 'measuresApproved') {
      effects.push({ kind: 'tellOfficeHolder', message: 'approved' });
    } else if (event.type === 'caseClosed') {
      effects.push({ kind: 'tellOfficeHolder', message: 'closed' });
    } else if (event.type === 'restrictionsAdjusted') {
      effects.push({ kind: 'tellOfficeHolder', message: 'restrictionsAdjusted' });
    } else if (event.type === 'informedPersonAdded') {
      // The same short notice as at the start.
      effects.push({ kind: 'notifyInformed', aadObjectId: event.aadObjectId, role: event.role });
    } else if (event.type === 'coordinatorInvolved') {
      effects.push({ kind: 'notifyCoordinator' });
    }
  }
  // A new case's cards are posted as they are: nothing to update yet.
  const isNew = events.some((e) => e.type === 'caseSubmitted');
  if (!isNew && events.length > 0) effects.push({ kind: 'updateDeskCard' });
  if (!isNew && events.some(officeHolderSees)) effects.push({ kind: 'updateOfficeHolderCards' });
  if (events.some((e) => REMINDER_EVENTS.has(e.type))) effects.push({ kind: 'scheduleReminders' });
  return unique(effects);
}

/**
 * The figures' effect of a change: every change with events is counted again. The registration row
 * depends on nearly every event (status, who took it when, deadlines and goals, the checklist, the
 * response to the perpetrator); the summary table moves its counters from the row it counted last,
 * so a change that left the row as it was costs a write of the row's revision and nothing else.
 */
export function figuresEffectsOf(events: readonly CaseEvent[], revision: number): CaseEffect[] {
  // A recidive decision changes nothing the registration row holds (it counts matches at submission).
  return events.some((e) => e.type !== 'perpetratorMatchDecided') ? [{ kind: 'countFigures', revision }] : [];
}

/** The informed people of the route (external parties are a task on the case, not a message); never the office holder. */
function informedNotices(c: Case, directory: Pick<Directory, 'informedPeople'>): CaseEffect[] {
  const notices: CaseEffect[] = [];
  for (const party of c.route.informed) {
    if (party.external || !party.organisationId) continue;
    for (const person of directory.informedPeople(party.organisationId, party.role)) {
      if (person.aadObjectId !== c.officeHolder.aadObjectId) notices.push({ kind: 'notifyInformed', aadObjectId: person.aadObjectId, role: party.role });
    }
  }
  return notices;
}

function unique(effects: readonly CaseEffect[]): CaseEffect[] {
  const seen = new Set<string>();
  return effects.filter((effect) => {
    const key = JSON.stringify(effect);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
