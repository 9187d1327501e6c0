import { z } from 'zod';
import type { Case } from './case-model';
import { NO_RESPONSE_REASONS } from './case-model';
import { DEADLINE_KINDS } from './deadlines';
import { MEASURE_KINDS } from './measures';
import { MEETING_KINDS } from './meeting-kinds';
import { POLICE_JUDGEMENTS, POLICE_REPORT_KINDS, RESTRICTIONS_CLOSING_DECISIONS } from './follow-up-terms';
import { BEHAVIOUR_LEVELS } from './report';
import { HANDLER_ROLES, INFORMED_ROLES, OFFICE_HOLDER_ROLES } from './roles';
import { SEVEN_WS } from './seven-ws';

/**
 * What happened to a case, as the named operations report it. Each operation returns the new case
 * with the events it caused (CaseChange); the app reacts to them (cards, notices, reminders) and keeps
 * them as the case's history. An event holds ids, codes, numbers and moments — never free text (a
 * comment, a summary or an evaluation stays in the case itself).
 *
 * The schema below is the one definition: the TypeScript type is derived from it, and storage
 * validates every history record with it.
 */

/** ISO timestamps in storage, Dates in the domain. */
const instant = z.union([z.string().datetime({ offset: true }), z.date()]).transform((value) => (value instanceof Date ? value : new Date(value)));
const deadline = z.enum(DEADLINE_KINDS);
const round = z.number().int().min(1);
const step = z.number().int().min(1).max(9);
const levels = BEHAVIOUR_LEVELS.map((l) => l.level) as [number, ...number[]];

/** Who did it, when, on which case; every event has these. */
const base = {
  caseId: z.string().min(1),
  /** When it was recorded (the server's clock). */
  at: instant,
  /** Entra object id of the person who acted. */
  byAadObjectId: z.string().min(1),
  /** Their part in the case: its office holder, or a handler of its desk. */
  actor: z.enum(['officeHolder', 'handler']),
};

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...base, ...shape }).strict();

export const caseEventSchema = z.discriminatedUnion('type', [
  /** The office holder sent the report; the case exists. */
  event('caseSubmitted', {
    organisationId: z.string().min(1),
    officeHolderRole: z.enum(OFFICE_HOLDER_ROLES),
    handlerRole: z.enum(HANDLER_ROLES),
    level: z.number().int().refine((n) => levels.includes(n)),
  }),
  /** A handler took the case. */
  event('caseTaken', {}),
  /** A handler proposed measures (round 1 is the first proposal). */
  event('measuresProposed', { round, measureKinds: z.array(z.enum(MEASURE_KINDS)).min(1) }),
  /** The office holder sent the proposal back, with a comment (kept in the case). */
  event('proposalSentBack', { round }),
  /** The office holder agreed to the proposal. */
  event('measuresAgreed', { round }),
  /** A handler approved the agreed measures. */
  event('measuresApproved', { round }),
  event('checklistStepTicked', { step }),
  event('checklistStepUnticked', { step }),
  /** A handler completed or changed 7 W's for the police form (which ones; the texts stay in the case). */
  event('policeFormCompleted', { ws: z.array(z.enum(SEVEN_WS)).min(1) }),
  event('labourInspectorateWarned', {}),
  /** A conversation with the perpetrator was planned (the meeting planner keeps the plan). */
  event('meetingPlanned', { meetingKind: z.enum(MEETING_KINDS) }),
  /** A conversation with the perpetrator was held (and recorded now). */
  event('meetingHeld', { meetingKind: z.enum(MEETING_KINDS), heldAt: instant }),
  /** The response towards the perpetrator was recorded (or changed). */
  event('responseRecorded', { responseKind: z.enum(['given', 'notPossible']), reason: z.enum(NO_RESPONSE_REASONS).optional() }),
  /** A handler task (e.g. inform the Minister of BZK) was done. */
  event('taskCompleted', { taskId: z.string().min(1), role: z.enum(INFORMED_ROLES).optional() }),
  /** A handler closed the case with the evaluation; `restrictions`: what was decided about restrictions still running. */
  event('caseClosed', { withApprovedMeasures: z.boolean(), restrictions: z.enum(RESTRICTIONS_CLOSING_DECISIONS).optional() }),
  /** The melding or aangifte was recorded (or corrected), with the police's judgement. */
  event('policeReportRecorded', { reportKind: z.enum(POLICE_REPORT_KINDS), madeAt: instant, judgement: z.enum(POLICE_JUDGEMENTS) }),
  /** Restrictions extended or adjusted after the herstelgesprek (new agreements stay in the case). */
  event('restrictionsAdjusted', { endsAt: instant }),
  /** The written confirmation to the perpetrator was recorded. */
  event('restrictionsConfirmed', { sentOn: instant }),
  /** The report of the incidentgesprek was written (its text stays in the case). */
  event('meetingReportRecorded', { shareableWithPerpetrator: z.boolean() }),
  event('informedPersonAdded', { aadObjectId: z.string().min(1), role: z.enum(INFORMED_ROLES) }),
  event('informedPersonRemoved', { aadObjectId: z.string().min(1), role: z.enum(INFORMED_ROLES) }),
  /** The coordinator VPT was asked for support (Arbeidsinspectie). */
  event('coordinatorInvolved', {}),
  /**
   * A handler decided whether a suggested earlier or later case of the organisation is about the same
   * perpetrator (recidive). The other case by id and number only: both are ids, neither names anyone.
   */
  event('perpetratorMatchDecided', { otherCaseId: z.string().min(1), otherCaseNumber: z.string().min(1), decision: z.enum(['confirmed', 'rejected']) }),
  /** A deadline was set or moved: at registration, or by a proposal (the incidentgesprek, the herstelgesprek). */
  event('deadlineSet', { deadline, dueAt: instant, overdueWhenSet: z.boolean() }),
  /** A later proposal took a deadline away again. */
  event('deadlineDropped', { deadline }),
  /** A deadline's goal was reached at `reachedAt` (e.g. when the meeting was held); `onTime` when the case had that deadline. */
  event('goalReached', { deadline, reachedAt: instant, dueAt: instant.optional(), onTime: z.boolean().optional() }),
  /** A reached goal was taken back (a mis-click corrected): its reminders resume. */
  event('goalReopened', { deadline }),
]);

/** Events that follow from a change (a deadline set, moved or reached) rather than being one of their own. */
const CONSEQUENCE_EVENT_TYPES: ReadonlySet<string> = new Set(['deadlineSet', 'deadlineDropped', 'goalReached', 'goalReopened']);

/** True for an event that only follows from another one in the same change: a history shows the change, not these. */
export function isConsequenceEvent(type: string): boolean {
  return CONSEQUENCE_EVENT_TYPES.has(type);
}

/** One thing that happened to a case. */
export type CaseEvent = z.output<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];
export const CASE_EVENT_TYPES = caseEventSchema.options.map((option) => option.shape.type.value) as readonly CaseEventType[];

/** The fields every event of one step shares. */
export type CaseEventBase = Pick<CaseEvent, 'caseId' | 'at' | 'byAadObjectId' | 'actor'>;

/** The event of one type, with its details. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** What a named operation returns: the new case and what happened. No events: nothing changed. */
export interface CaseChange {
  readonly case: Case;
  readonly events: readonly CaseEvent[];
}

/** A step that changed nothing (e.g. ticking a ticked step). */
export function unchanged(c: Case): CaseChange {
  return { case: c, events: [] };
}

/** Builds one event of a step; the base says who, when and on which case. */
export function caseEvent<T extends CaseEventType>(eventBase: CaseEventBase, type: T, details: Omit<CaseEventOf<T>, keyof CaseEventBase | 'type'>): CaseEventOf<T> {
  return { type, ...eventBase, ...details } as CaseEventOf<T>;
}

/**
 * The change from `before` to `after`: the step's own events, then what followed from it for the
 * deadlines and their goals (set, moved, dropped, reached, reopened) — derived by comparing, so no
 * operation can forget one.
 */
export function changeOf(before: Case, after: Case, eventBase: CaseEventBase, primary: readonly CaseEvent[]): CaseChange {
  if (after === before) return unchanged(before);
  return { case: after, events: [...primary, ...deadlineEvents(before, after, eventBase), ...goalEvents(before, after, eventBase)] };
}

function deadlineEvents(before: Case, after: Case, eventBase: CaseEventBase): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const d of after.deadlines) {
    const old = before.deadlines.find((b) => b.kind === d.kind);
    if (old === undefined || old.dueAt.getTime() !== d.dueAt.getTime()) {
      events.push(caseEvent(eventBase, 'deadlineSet', { deadline: d.kind, dueAt: d.dueAt, overdueWhenSet: d.overdueWhenSet }));
    }
  }
  for (const old of before.deadlines) {
    if (!after.deadlines.some((d) => d.kind === old.kind)) events.push(caseEvent(eventBase, 'deadlineDropped', { deadline: old.kind }));
  }
  return events;
}

function goalEvents(before: Case, after: Case, eventBase: CaseEventBase): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const kind of DEADLINE_KINDS) {
    const was = before.goalReachedAt[kind];
    const is = after.goalReachedAt[kind];
    if (is !== undefined && was?.getTime() !== is.getTime()) {
      const due = after.deadlines.find((d) => d.kind === kind)?.dueAt;
      events.push(caseEvent(eventBase, 'goalReached', { deadline: kind, reachedAt: is, ...(due ? { dueAt: due, onTime: is.getTime() <= due.getTime() } : {}) }));
    } else if (is === undefined && was !== undefined) {
      events.push(caseEvent(eventBase, 'goalReopened', { deadline: kind }));
    }
  }
  return events;
}
