import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { CaseHandlingService } from '../../app/case-handling.service';
import type { Logger } from '../../app/logger';
import { MEETING_MESSAGES } from '../../copy/meetings.copy';
import { type MeetingChange, type MeetingOutcome, type MeetingRecord, type MeetingRequest, type MeetingService, type PlanningOutcome } from '../../app/meeting.service';
import { CASE_NOT_FOUND_TEXT, UNKNOWN_CALLER_TEXT } from '../../copy/card-actions.copy';
import type { Case } from '../../domain/case';
import type { Clock } from '../../domain/clock';
import type { Directory } from '../../domain/directory';
import { MEETING_KIND_LABELS, MEETING_KINDS } from '../../domain/meetings';
import type { CardRenderer } from '../cards/card-renderer';
import { deskHandlerIds } from '../case/case-actions';
import { CASE_CARD_NAMES, caseCardViewModel, caseErrorViewModel } from '../case/case-cards';
import { replyWithCardForInteractor } from '../invoke-response';
import {
  CUSTOM_SLOT,
  MEETING_CARD_NAMES,
  MEETING_VERBS,
  meetingPlannedViewModel,
  meetingPlanViewModel,
  meetingWhen,
  OTHER_EMAILS_MAX_LENGTH,
  plannedMeetingInfo,
  type MeetingFormValues,
} from './meeting-cards';

/**
 * Card actions of meeting planning (issue 5), registered by verb with a zod schema each. Ids only
 * come from the card: the case and the meeting are reloaded, and only a handler of the case's desk
 * may act. Every answer is a card for the person who pressed the button; nothing is thrown into Teams.
 */

/**
 * Graph retries inside a card action: Teams gives an invoke about 5 seconds, so at most one retry
 * and 3 seconds of waiting; beyond that the card shows the failure with a retry button.
 */
export const INVOKE_CALENDAR_RETRY = { maxAttempts: 2, maxTotalWaitMs: 3000, baseDelayMs: 500 } as const;

export interface MeetingActionDependencies {
  meetings: MeetingService;
  /** For the case card around the meetings (the case as its handler sees it). */
  caseHandling: CaseHandlingService;
  cards: CardRenderer;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** The public link of a meeting's .ics file. */
  icsUrl: (token: string) => string;
}

const caseId = z.string().uuid();
const meetingId = z.string().uuid();
/** Card inputs arrive as strings; anything else is dropped and left to the domain's Dutch messages. */
const field = (max: number) => z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string().max(max)).optional().catch(undefined);
const flag = z
  .preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(['true', 'false']))
  .transform((v) => v === 'true')
  .optional()
  .catch(undefined);

const SCHEMAS = {
  plan: z.object({ caseId, kind: z.enum(MEETING_KINDS).optional().catch(undefined), withOfficeHolder: flag }),
  book: z.object({
    caseId,
    meetingId,
    kind: field(40),
    slot: field(40),
    date: field(20),
    time: field(20),
    durationMinutes: field(10),
    online: field(10),
    location: field(1000),
    inviteOfficeHolder: field(10),
    inviteCoordinator: field(10),
    otherEmails: field(OTHER_EMAILS_MAX_LENGTH * 2),
    // The date and time the form showed (card data, not inputs): a changed field means the handler typed a time.
    shownDate: field(20),
    shownTime: field(20),
    // The time (and duration) the handler was warned overlaps their agenda: pressing again books it anyway.
    acceptOverlap: field(40),
  }),
  reschedule: z.object({ caseId, meetingId, date: field(20), time: field(20), durationMinutes: field(10), online: field(10), location: field(1000) }),
  meeting: z.object({ caseId, meetingId }),
  backToCase: z.object({ caseId }),
};

const NOT_FOUND = CASE_NOT_FOUND_TEXT;
const FAILED = 'Er ging iets mis bij het plannen. Er is niets verloren gegaan; probeer het over een moment opnieuw.';
const CONFLICT = 'Iemand anders heeft dit gesprek net gewijzigd. Dit is de actuele stand; probeer het zo nodig opnieuw.';

/** Registers the meeting verbs. Call before registerCaseActions: its catch-all answers every verb it does not know. */
export function registerMeetingActions(app: Application<TurnState>, deps: MeetingActionDependencies): void {
  const on = (verb: string, work: (actor: string, data: unknown) => Promise<object>) => {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      await respond(context, deps, (actor) => work(actor, data));
      return '';
    });
  };

  on(MEETING_VERBS.plan, async (actor, data) => {
    const parsed = SCHEMAS.plan.safeParse(data);
    if (!parsed.success) return errorCard(deps, NOT_FOUND);
    const { kind, withOfficeHolder } = parsed.data;
    return planningCard(deps, actor, parsed.data.caseId, await deps.meetings.planningForm(parsed.data.caseId, actor, { ...(kind ? { kind } : {}), ...(withOfficeHolder === undefined ? {} : { withOfficeHolder }) }));
  });

  on(MEETING_VERBS.book, async (actor, data) => {
    const parsed = SCHEMAS.book.safeParse(data);
    if (!parsed.success) return errorCard(deps, NOT_FOUND);
    // A typed date or time wins over the selected slot: the form shows it again as "ander tijdstip".
    const values = typedTimeWins(parsed.data) ? { ...parsed.data, slot: CUSTOM_SLOT } : parsed.data;
    return outcomeCard(deps, actor, values.caseId, await deps.meetings.book(values.caseId, actor, values.meetingId, toRequest(values)), values);
  });

  on(MEETING_VERBS.reschedule, async (actor, data) => {
    const parsed = SCHEMAS.reschedule.safeParse(data);
    if (!parsed.success) return errorCard(deps, NOT_FOUND);
    const values = parsed.data;
    return outcomeCard(deps, actor, values.caseId, await deps.meetings.reschedule(values.caseId, actor, values.meetingId, toRequest(values)), values);
  });

  const simple = (verb: string, run: (caseId: string, actor: string, meetingId: string) => Promise<MeetingOutcome>) =>
    on(verb, async (actor, data) => {
      const parsed = SCHEMAS.meeting.safeParse(data);
      if (!parsed.success) return errorCard(deps, NOT_FOUND);
      return outcomeCard(deps, actor, parsed.data.caseId, await run(parsed.data.caseId, actor, parsed.data.meetingId));
    });
  simple(MEETING_VERBS.cancel, (c, a, m) => deps.meetings.cancel(c, a, m));
  simple(MEETING_VERBS.retry, (c, a, m) => deps.meetings.retry(c, a, m));
  simple(MEETING_VERBS.show, (c, a, m) => deps.meetings.show(c, a, m));

  on(MEETING_VERBS.backToCase, async (actor, data) => {
    const parsed = SCHEMAS.backToCase.safeParse(data);
    if (!parsed.success) return errorCard(deps, NOT_FOUND);
    return caseCard(deps, actor, parsed.data.caseId);
  });
}

/**
 * Whether the handler changed the date or time fields of the form (they start at the first proposed
 * slot): then the typed time is the choice, whichever slot is selected, as the card says.
 */
export function typedTimeWins(values: MeetingFormValues & { shownDate?: string; shownTime?: string }): boolean {
  if (values.shownDate === undefined || values.shownTime === undefined) return false;
  return (values.date ?? '') !== values.shownDate || (values.time ?? '') !== values.shownTime;
}

/** The form's values as the use case takes them: a selected slot, unless "ander tijdstip" is chosen (or a time was typed, see typedTimeWins). */
function toRequest(values: MeetingFormValues & { acceptOverlap?: string }): MeetingRequest {
  const slot = values.slot !== undefined && values.slot !== CUSTOM_SLOT ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(values.slot) : null;
  return {
    ...(values.kind === undefined ? {} : { kind: values.kind }),
    date: slot ? slot[1] : values.date,
    time: slot ? slot[2] : values.time,
    durationMinutes: values.durationMinutes,
    online: values.online ?? 'false',
    location: values.location,
    inviteOfficeHolder: values.inviteOfficeHolder === 'true',
    inviteCoordinator: values.inviteCoordinator === 'true',
    otherEmails: (values.otherEmails ?? '')
      .split(/[,;\s]+/)
      .map((email) => email.trim())
      .filter((email) => email !== ''),
    ...(values.acceptOverlap === undefined ? {} : { acceptOverlap: values.acceptOverlap }),
  };
}

/** Runs an action for the caller (by Entra object id) and answers with a card; never throws into Teams. */
async function respond(context: TurnContext, deps: MeetingActionDependencies, work: (actorAadObjectId: string) => Promise<object>): Promise<void> {
  const actor = context.activity.from?.aadObjectId;
  let card: object;
  try {
    card = actor ? await work(actor) : errorCard(deps, UNKNOWN_CALLER_TEXT);
  } catch (error) {
    deps.logger.error('meeting.action_failed', { code: (error as Error).name });
    card = errorCard(deps, FAILED);
  }
  await replyWithCardForInteractor(context, card);
}

async function planningCard(deps: MeetingActionDependencies, actor: string, id: string, outcome: PlanningOutcome): Promise<object> {
  if (outcome.outcome === 'form') {
    return deps.cards.render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(outcome.form, { now: deps.clock.now() }));
  }
  return refusalCard(deps, actor, id, outcome);
}

async function outcomeCard(deps: MeetingActionDependencies, actor: string, id: string, outcome: MeetingOutcome, values?: MeetingFormValues): Promise<object> {
  const now = deps.clock.now();
  switch (outcome.outcome) {
    case 'notFound':
    case 'refused':
      return refusalCard(deps, actor, id, outcome);
    case 'invalid':
      if (outcome.form !== undefined) {
        const overlap = outcome.overlapKey === undefined ? {} : { acceptOverlap: outcome.overlapKey };
        return deps.cards.render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(outcome.form, { now, issues: outcome.issues, ...(values ? { values } : {}), ...overlap }));
      }
      if (outcome.record !== undefined) {
        return deps.cards.render(
          MEETING_CARD_NAMES.planned,
          meetingPlannedViewModel(outcome.record, outcome.case, { now, icsUrl: deps.icsUrl(outcome.record.icsToken), issues: outcome.issues, ...(values ? { values } : {}) }),
        );
      }
      return caseCard(deps, actor, id, outcome.issues.map((i) => i.message).join(' '));
    case 'conflict':
      return caseCard(deps, actor, id, CONFLICT, outcome.meetings);
    case 'inProgress':
      return caseCard(deps, actor, id, MEETING_MESSAGES.inProgress, outcome.meetings);
    case 'done':
      if (outcome.change === 'shown') {
        return deps.cards.render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(outcome.record, outcome.case, { now, icsUrl: deps.icsUrl(outcome.record.icsToken) }));
      }
      return caseCard(deps, actor, id, doneNotice(outcome.record, outcome.change), outcome.meetings);
  }
}

/** A handler who may not do this now sees the case with the reason on top; anyone else a short Dutch error. */
async function refusalCard(deps: MeetingActionDependencies, actor: string, id: string, outcome: { outcome: 'notFound' } | { outcome: 'refused'; message: string; case?: Case }): Promise<object> {
  if (outcome.outcome === 'notFound') return errorCard(deps, NOT_FOUND);
  if (outcome.case === undefined) return deps.cards.render(CASE_CARD_NAMES.error, caseErrorViewModel(outcome.message, { caseId: id }));
  return caseCard(deps, actor, id, outcome.message);
}

/** The case as its handler sees it, with the planned meetings and a notice. */
async function caseCard(deps: MeetingActionDependencies, actor: string, id: string, notice?: string, meetings?: readonly MeetingRecord[]): Promise<object> {
  const view = await deps.caseHandling.view(id, actor);
  if (view.outcome !== 'done') return errorCard(deps, NOT_FOUND);
  if (view.access !== 'handler') return deps.cards.render(CASE_CARD_NAMES.error, caseErrorViewModel(MEETING_MESSAGES.notHandler, { caseId: id }));
  const c = view.case;
  const records = meetings ?? (await deps.meetings.listForCase(id));
  return deps.cards.render(
    CASE_CARD_NAMES.caseCard,
    caseCardViewModel(c, {
      viewer: 'handler',
      now: deps.clock.now(),
      earlierCasesOfPerpetrator: view.earlierCases,
      refreshUserIds: deskHandlerIds(deps.directory, c),
      ...(view.recidive ? { recidive: view.recidive } : {}),
      meetings: records.map((record) => plannedMeetingInfo(record, c, deps.icsUrl(record.icsToken))),
      ...(notice ? { notice } : {}),
    }),
  );
}

/** One line on top of the case card after a change; the details (failure, .ics link, warning) are at the meeting itself. */
function doneNotice(record: MeetingRecord, change: MeetingChange): string {
  const label = MEETING_KIND_LABELS[record.plan.kind];
  const when = meetingWhen(record.plan);
  const ics = record.plan.calendar === 'ics';
  const failed = record.sync.state !== 'done';
  const see = 'Zie het gesprek hieronder.';
  switch (change) {
    case 'booked':
    case 'unchanged':
      if (record.plan.status === 'cancelled') return `${label} is geannuleerd.`;
      if (ics) return `${label} is vastgelegd op ${when}. Verstuur de uitnodiging met het agendabestand. ${see}`;
      return failed
        ? `${label} is vastgelegd op ${when}, maar staat nog niet in je agenda. ${see}`
        : `${label} staat op ${when} in je agenda; de uitnodiging is verstuurd.`;
    case 'rescheduled':
      if (ics) return `${label} is verzet naar ${when}. Verstuur de wijziging met het agendabestand. ${see}`;
      return failed ? `${label} is verzet naar ${when}, maar de agenda is nog niet bijgewerkt. ${see}` : `${label} is verzet naar ${when}; de deelnemers krijgen de wijziging.`;
    case 'cancelled':
      if (ics) return `${label} is geannuleerd. Verstuur de annulering met het agendabestand. ${see}`;
      return failed ? `${label} is geannuleerd, maar de annulering staat nog niet in de agenda. ${see}` : `${label} is geannuleerd; de deelnemers krijgen bericht.`;
    case 'retried':
    case 'shown':
      return failed ? `De agenda is nog niet bijgewerkt. ${see}` : 'De agenda is bijgewerkt.';
  }
}

function errorCard(deps: MeetingActionDependencies, message: string): object {
  return deps.cards.render(CASE_CARD_NAMES.error, caseErrorViewModel(message));
}
