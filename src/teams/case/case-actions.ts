import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CaseActionOutcome, CaseCommand, CaseHandlingService } from '../../app/case-handling.service';
import type { Logger } from '../../app/logger';
import { EVALUATION_QUESTIONS, MEETING_KINDS, NO_RESPONSE_REASONS, type Case } from '../../domain/case';
import type { Clock } from '../../domain/clock';
import type { Directory } from '../../domain/directory';
import { POLICE_JUDGEMENTS, POLICE_REPORT_KINDS, RESTRICTIONS_CLOSING_DECISIONS, type PoliceJudgement, type PoliceReportKind, type RestrictionsClosingDecision } from '../../domain/follow-up-terms';
import { currentlyInformed, informedCandidates } from '../../domain/informed-people';
import { MEASURE_KINDS } from '../../domain/measures';
import { isPoliceChecklistStep, POLICE_CHECKLIST_STEPS, type PoliceChecklistStep } from '../../domain/police-checklist';
import { SEVEN_W_MAX_LENGTH, SEVEN_WS } from '../../domain/seven-ws';
import { CHECKLIST_INPUT_PREFIX, POLICE_FACT_INPUT_PREFIX } from './case-card';
import { colleagueNotice } from './case-history-view';
import { proposalFormState } from './proposal-form';
import type { CardRenderer } from '../cards/card-renderer';
import { replyWithCardForInteractor } from '../invoke-response';
import type { ProposalFormState } from './case-card-actions';
import { CASE_VERBS, caseCardViewModel, caseErrorViewModel, caseProgressViewModel, type PlannedMeetingInfo } from './case-cards';
import { RenderedCaseCards, renderedCardKey } from './rendered-cards';
import { FIELD_MESSAGES } from './proposal-form';
import { CASE_NOT_FOUND_TEXT as NOT_FOUND, POLICE_FORM_FAILED_TEXT as POLICE_FORM_FAILED, UNKNOWN_CALLER_TEXT } from '../../copy/card-actions.copy';

const ZONE = 'Europe/Amsterdam';
const PICK_MEASURE = FIELD_MESSAGES.measures;
const PICK_DATE = 'Kies een datum.';
const PICK_TIME = 'Kies een tijd.';
const TOO_LONG_W = `Elk van de 7 W's mag hoogstens ${SEVEN_W_MAX_LENGTH} tekens hebben.`;
/** Our own Dutch validation messages may be shown; zod's English ones never are. */
const SHOWN_MESSAGES = new Set([PICK_MEASURE, PICK_DATE, PICK_TIME, TOO_LONG_W]);

const caseId = z.string().uuid();
const text = (max: number) => z.string().trim().max(max);
const measureList = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))])
  .pipe(z.array(z.enum(MEASURE_KINDS)).min(1, PICK_MEASURE));
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, PICK_DATE);
const localTime = z.string().regex(/^\d{2}:\d{2}$/, PICK_TIME);
const proposalRoundOnCard = z.coerce.number().int().min(1).max(1000).optional();
const checklistStep = z.coerce.number().refine(isPoliceChecklistStep).transform((n) => n as PoliceChecklistStep);
/** An Input.Toggle's value: 'true' or 'false' (its valueOn / valueOff). */
const toggle = z.enum(['true', 'false']);
const checklistForm = z.object({
  caseId,
  ...Object.fromEntries(POLICE_CHECKLIST_STEPS.map((step) => [`${CHECKLIST_INPUT_PREFIX}${step}`, toggle])),
}) as z.ZodType<{ caseId: string } & Record<string, 'true' | 'false'>>;
const policeFactsForm = z.object({
  caseId,
  ...Object.fromEntries(SEVEN_WS.map((w) => [`${POLICE_FACT_INPUT_PREFIX}${w}`, z.string().trim().max(SEVEN_W_MAX_LENGTH, TOO_LONG_W).optional()])),
}) as z.ZodType<{ caseId: string } & Record<string, string | undefined>>;

/** Amsterdam wall-clock date (and time) from a card input, as an instant. */
function amsterdam(date: string, time?: string): Date {
  const local = time ? DateTime.fromISO(`${date}T${time}`, { zone: ZONE }) : DateTime.fromISO(date, { zone: ZONE }).endOf('day');
  return local.toJSDate();
}

/** One entry per verb: its card-data schema and the command it becomes. Ids only: the case is reloaded. */
const ACTIONS = {
  [CASE_VERBS.take]: { schema: z.object({ caseId }), command: (): CaseCommand => ({ kind: 'take' }) },
  [CASE_VERBS.proposeMeasures]: {
    schema: z.object({
      caseId,
      measures: measureList,
      measureDescription: text(2000).optional(),
      restrictionsEndOn: z.union([localDate, z.literal('')]).optional(),
      noDamageRecoveryReason: text(500).optional(),
    }),
    command: (d: { measures: (typeof MEASURE_KINDS)[number][]; measureDescription?: string; restrictionsEndOn?: string; noDamageRecoveryReason?: string }): CaseCommand => ({
      kind: 'proposeMeasures',
      ...(d.noDamageRecoveryReason ? { noDamageRecoveryReason: d.noDamageRecoveryReason } : {}),
      items: d.measures.map((kind) => ({
        kind,
        ...(d.measureDescription ? { description: d.measureDescription } : {}),
        ...(kind === 'restrictiveMeasures' && d.restrictionsEndOn ? { endsAt: amsterdam(d.restrictionsEndOn) } : {}),
      })),
    }),
  },
  [CASE_VERBS.agreeMeasures]: {
    schema: z.object({ caseId, comment: text(2000).optional(), round: proposalRoundOnCard }),
    command: (d: { comment?: string; round?: number }): CaseCommand => ({ kind: 'agreeMeasures', ...(d.comment ? { comment: d.comment } : {}), ...(d.round ? { round: d.round } : {}) }),
  },
  [CASE_VERBS.sendBackMeasures]: {
    schema: z.object({ caseId, comment: text(2000).default(''), round: proposalRoundOnCard }),
    command: (d: { comment: string; round?: number }): CaseCommand => ({ kind: 'sendBackMeasures', comment: d.comment, ...(d.round ? { round: d.round } : {}) }),
  },
  [CASE_VERBS.approveMeasures]: { schema: z.object({ caseId }), command: (): CaseCommand => ({ kind: 'approveMeasures' }) },
  [CASE_VERBS.tickChecklistStep]: {
    schema: z.object({ caseId, step: checklistStep }),
    command: (d: { step: PoliceChecklistStep }): CaseCommand => ({ kind: 'tickChecklistStep', step: d.step }),
  },
  [CASE_VERBS.untickChecklistStep]: {
    schema: z.object({ caseId, step: checklistStep }),
    command: (d: { step: PoliceChecklistStep }): CaseCommand => ({ kind: 'untickChecklistStep', step: d.step }),
  },
  [CASE_VERBS.saveChecklist]: {
    schema: checklistForm,
    command: (d: Record<string, string>): CaseCommand => ({
      kind: 'setChecklist',
      ticked: POLICE_CHECKLIST_STEPS.filter((step) => d[`${CHECKLIST_INPUT_PREFIX}${step}`] === 'true'),
    }),
  },
  [CASE_VERBS.completePoliceForm]: {
    schema: policeFactsForm,
    command: (d: Record<string, string | undefined>): CaseCommand => ({
      kind: 'completePoliceForm',
      completions: Object.fromEntries(SEVEN_WS.map((w) => [w, d[`${POLICE_FACT_INPUT_PREFIX}${w}`] ?? ''])),
    }),
  },
  [CASE_VERBS.recordInspectorateWarned]: { schema: z.object({ caseId }), command: (): CaseCommand => ({ kind: 'recordInspectorateWarned' }) },
  [CASE_VERBS.recordMeetingHeld]: {
    schema: z.object({ caseId, meetingKind: z.enum(MEETING_KINDS), heldOn: localDate, heldAt: localTime }),
    command: (d: { meetingKind: (typeof MEETING_KINDS)[number]; heldOn: string; heldAt: string }): CaseCommand => ({
      kind: 'recordMeetingHeld',
      meetingKind: d.meetingKind,
      heldAt: amsterdam(d.heldOn, d.heldAt),
    }),
  },
  [CASE_VERBS.recordResponse]: {
    schema: z.object({
      caseId,
      responseKind: z.enum(['given', 'notPossible']),
      responseSummary: text(2000).optional(),
      noResponseReason: z.union([z.enum(NO_RESPONSE_REASONS), z.literal('')]).optional(),
      noResponseExplanation: text(2000).optional(),
    }),
    command: (d: { responseKind: 'given' | 'notPossible'; responseSummary?: string; noResponseReason?: (typeof NO_RESPONSE_REASONS)[number] | ''; noResponseExplanation?: string }): CaseCommand => ({
      kind: 'recordResponse',
      response:
        d.responseKind === 'given'
          ? { kind: 'given', summary: d.responseSummary ?? '' }
          : { kind: 'notPossible', reason: d.noResponseReason || 'other', ...(d.noResponseExplanation ? { explanation: d.noResponseExplanation } : {}) },
    }),
  },
  [CASE_VERBS.completeTask]: {
    schema: z.object({ caseId, taskId: z.string().min(1).max(50) }),
    command: (d: { taskId: string }): CaseCommand => ({ kind: 'completeTask', taskId: d.taskId }),
  },
  [CASE_VERBS.close]: {
    schema: z.object({
      caseId,
      riskAssessment: text(2000).default(''),
      causeAnalysis: text(2000).default(''),
      trendAnalysis: text(2000).default(''),
      improvements: text(2000).default(''),
      restrictionsOnClose: z.union([z.enum(RESTRICTIONS_CLOSING_DECISIONS), z.literal('')]).optional(),
    }),
    command: (d: Record<(typeof EVALUATION_QUESTIONS)[number], string> & { restrictionsOnClose?: RestrictionsClosingDecision | '' }): CaseCommand => ({
      kind: 'close',
      evaluation: { riskAssessment: d.riskAssessment, causeAnalysis: d.causeAnalysis, trendAnalysis: d.trendAnalysis, improvements: d.improvements },
      ...(d.restrictionsOnClose ? { restrictions: d.restrictionsOnClose } : {}),
    }),
  },
  [CASE_VERBS.recordPoliceReport]: {
    schema: z.object({ caseId, policeReportKind: z.enum(POLICE_REPORT_KINDS), policeReportMadeOn: localDate, policeJudgement: z.enum(POLICE_JUDGEMENTS) }),
    command: (d: { policeReportKind: PoliceReportKind; policeReportMadeOn: string; policeJudgement: PoliceJudgement }): CaseCommand => ({
      kind: 'recordPoliceReport',
      record: { kind: d.policeReportKind, madeAt: amsterdam(d.policeReportMadeOn, '12:00'), judgement: d.policeJudgement },
    }),
  },
  [CASE_VERBS.adjustRestrictions]: {
    schema: z.object({ caseId, restrictionsNewEndOn: localDate, restrictionsAgreements: text(2000).optional() }),
    command: (d: { restrictionsNewEndOn: string; restrictionsAgreements?: string }): CaseCommand => ({
      kind: 'adjustRestrictions',
      adjustment: { endsAt: amsterdam(d.restrictionsNewEndOn), ...(d.restrictionsAgreements ? { agreements: d.restrictionsAgreements } : {}) },
    }),
  },
  [CASE_VERBS.recordRestrictionsConfirmed]: {
    schema: z.object({ caseId, confirmationSentOn: localDate }),
    command: (d: { confirmationSentOn: string }): CaseCommand => ({ kind: 'recordRestrictionsConfirmed', sentOn: amsterdam(d.confirmationSentOn, '12:00') }),
  },
  [CASE_VERBS.recordMeetingReport]: {
    // Teams sends the text as typed: the length is the domain's rule (a clear Dutch message, nothing lost).
    schema: z.object({ caseId, meetingReportText: z.string().max(20_000), meetingReportShareable: z.enum(['true', 'false']).default('false') }),
    command: (d: { meetingReportText: string; meetingReportShareable: 'true' | 'false' }): CaseCommand => ({
      kind: 'recordMeetingReport',
      report: { text: d.meetingReportText, shareableWithPerpetrator: d.meetingReportShareable === 'true' },
    }),
  },
  [CASE_VERBS.addInformed]: {
    // Only an id: the server looks the person up in the directory (informed-people.ts), never trusting a name on the card.
    schema: z.object({ caseId, informedAadObjectId: z.string().min(1).max(100) }),
    command: (d: { informedAadObjectId: string }): CaseCommand => ({ kind: 'addInformed', aadObjectId: d.informedAadObjectId }),
  },
  [CASE_VERBS.removeInformed]: {
    schema: z.object({ caseId, aadObjectId: z.string().min(1).max(100) }),
    command: (d: { aadObjectId: string }): CaseCommand => ({ kind: 'removeInformed', aadObjectId: d.aadObjectId }),
  },
  [CASE_VERBS.involveCoordinator]: { schema: z.object({ caseId }), command: (): CaseCommand => ({ kind: 'involveCoordinator' }) },
} as const;

export interface CaseActionDependencies {
  caseHandling: CaseHandlingService;
  cards: CardRenderer;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** The meetings planned for a case, shown on the handler's view (issue 5). */
  meetingsFor?: (c: Case) => Promise<PlannedMeetingInfo[]>;
  /** Sends the police form of a case (by number) to the caller's 1:1 chat; 'notFound' unless they handle it. */
  sendPoliceForm?: (actorAadObjectId: string, caseNumber: string) => Promise<'sent' | 'notFound'>;
}

const INVALID_INPUT = 'Deze gegevens kon ik niet verwerken. Controleer de velden en probeer het opnieuw.';
const FAILED = 'Er ging iets mis bij het opslaan. Er is niets verloren gegaan; probeer het over een moment opnieuw.';
const CONFLICT = 'Iemand anders heeft deze zaak net bijgewerkt. Dit is de actuele stand; probeer het zo nodig opnieuw.';
const READ_ONLY = 'Je bent geen afhandelaar van deze zaak; je ziet alleen de stand van zaken.';
const POLICE_FORM_SENT = 'Het politieformulier staat klaar in je eigen chat met de bot (niet in dit kanaal).';

/** Registers every case verb (Universal Actions) plus a catch-all that answers unknown verbs politely. */
export function registerCaseActions(app: Application<TurnState>, actionDeps: CaseActionDependencies): void {
  const deps: CardDependencies = { ...actionDeps, rendered: new RenderedCaseCards() };
  app.adaptiveCards.actionExecute(CASE_VERBS.refresh, async (context, _state, data) => {
    await respond(context, deps, async (actor) => {
      const parsed = z.object({ caseId }).safeParse(data);
      return parsed.success ? await cardFor(deps, await deps.caseHandling.view(parsed.data.caseId, actor)) : errorCard(deps, NOT_FOUND);
    });
    return '';
  });

  for (const [verb, action] of Object.entries(ACTIONS)) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      await respond(context, deps, async (actor) => {
        const id = z.object({ caseId }).safeParse(data);
        if (!id.success) return errorCard(deps, NOT_FOUND);
        const parsed = action.schema.safeParse(data);
        if (!parsed.success) {
          const shown = parsed.error.issues.map((i) => i.message).find((m) => SHOWN_MESSAGES.has(m));
          // A refused measures form comes back open, with what was typed and the error at its field.
          const form = verb === CASE_VERBS.proposeMeasures ? proposalFormState(data, { zodIssues: parsed.error.issues }) : undefined;
          return await cardFor(deps, await deps.caseHandling.view(id.data.caseId, actor), shown ?? INVALID_INPUT, form);
        }
        const outcome = await deps.caseHandling.execute(id.data.caseId, actor, action.command(parsed.data as never));
        const notice = noticeFor(deps, outcome, actor);
        const form = verb === CASE_VERBS.proposeMeasures && outcome.outcome === 'refused' && outcome.lastChange === undefined
          ? proposalFormState(data, { refusal: outcome.message })
          : undefined;
        return await cardFor(deps, outcome, notice, form);
      });
      return '';
    });
  }

  // "Politieformulier": the PDF to the caller's 1:1 chat, for a handler of the case (checked here and in the service).
  const sendPoliceForm = actionDeps.sendPoliceForm;
  if (sendPoliceForm) {
    app.adaptiveCards.actionExecute(CASE_VERBS.policeForm, async (context, _state, data) => {
      await respond(context, deps, async (actor) => {
        const parsed = z.object({ caseId }).safeParse(data);
        if (!parsed.success) return errorCard(deps, NOT_FOUND);
        const view = await deps.caseHandling.view(parsed.data.caseId, actor);
        if (view.outcome === 'notFound' || view.access !== 'handler') return await cardFor(deps, view);
        let notice = POLICE_FORM_SENT;
        try {
          if ((await sendPoliceForm(actor, view.case.caseNumber)) === 'notFound') return await cardFor(deps, view);
        } catch (error) {
          deps.logger.error('police_form.failed', { caseId: view.case.id, code: (error as Error).name });
          notice = POLICE_FORM_FAILED;
        }
        return await cardFor(deps, view, notice);
      });
      return '';
    });
  }

  // Any other verb (an old card, a forged payload): a clear answer instead of Teams' generic error.
  const known = new Set<string>([CASE_VERBS.refresh, CASE_VERBS.policeForm, ...Object.keys(ACTIONS)]);
  app.adaptiveCards.actionExecute(
    async (context: TurnContext) => {
      const action = (context.activity.value as { action?: { type?: string; verb?: string } } | undefined)?.action;
      return context.activity.name === 'adaptiveCard/action' && action?.type === 'Action.Execute' && !known.has(action.verb ?? '');
    },
    async (context) => {
      deps.logger.warn('card.unknown_verb');
      await replyWithCardForInteractor(context, errorCard(deps, 'Deze knop wordt niet meer ondersteund. Open de zaak opnieuw via het meest recente bericht.'));
      return '';
    },
  );
}

/** Runs an action for the caller (by Entra object id) and answers with a card; never throws into Teams. */
export async function respond(context: TurnContext, deps: CaseActionDependencies, work: (actorAadObjectId: string) => Promise<object>): Promise<void> {
  const actor = context.activity.from?.aadObjectId;
  let card: object;
  try {
    card = actor ? await work(actor) : errorCard(deps, UNKNOWN_CALLER_TEXT);
  } catch (error) {
    deps.logger.error('case.action_failed', { code: (error as Error).name });
    card = errorCard(deps, FAILED);
  }
  await replyWithCardForInteractor(context, card);
}

export type CardDependencies = CaseActionDependencies & { rendered: RenderedCaseCards };

/**
 * The line on top after an action: who beat the caller to it ("Peter Jansen heeft net maatregelen
 * voorgesteld.") when the case moved on under their card, else the refusal or the generic conflict.
 */
function noticeFor(deps: CaseActionDependencies, outcome: CaseActionOutcome, actor: string): string | undefined {
  if (outcome.outcome !== 'refused' && outcome.outcome !== 'conflict') return undefined;
  const moved = colleagueNotice(outcome.case, outcome.lastChange, actor, (id) => deps.directory.nameOf(id), deps.clock.now());
  if (moved !== undefined) return moved;
  return outcome.outcome === 'refused' ? outcome.message : CONFLICT;
}

/** The card this person may see: handler view, the office holder's progress, or the read-only view. */
export async function cardFor(deps: CardDependencies, outcome: CaseActionOutcome, notice?: string, proposalForm?: ProposalFormState): Promise<object> {
  if (outcome.outcome === 'notFound') return errorCard(deps, NOT_FOUND);
  const now = deps.clock.now();
  const c = outcome.case;
  if (outcome.access === 'officeHolder') {
    const key = notice ? undefined : renderedCardKey(c.id, outcome.version, 'officeHolder', now);
    return deps.rendered.get(key, () =>
      deps.cards.render('case-progress', caseProgressViewModel(c, { now, refreshUserIds: [userMri(c.officeHolder.aadObjectId)], handlerName: takenHandlerName(deps.directory, c), ...(notice ? { notice } : {}) })),
    );
  }
  const viewer = outcome.access === 'handler' ? 'handler' : 'readOnly';
  const shownNotice = notice ?? (viewer === 'readOnly' ? READ_ONLY : undefined);
  const meetingsToRead = viewer === 'handler' && deps.meetingsFor !== undefined && c.hasPlannedMeetings !== false;
  const key = notice || meetingsToRead || proposalForm ? undefined : renderedCardKey(c.id, outcome.version, viewer, now);
  return deps.rendered.get(key, async () => {
    const meetings = meetingsToRead ? await deps.meetingsFor?.(c) : undefined;
    // The handler's view names people and shows the history; the read-only view shows neither.
    const history = viewer === 'handler' ? await deps.caseHandling.history(c.id, outcome.revision) : undefined;
    const nameOf = (id: string): string | undefined => deps.directory.nameOf(id);
    const handlerName = c.handler === undefined ? undefined : nameOf(c.handler.aadObjectId);
    return deps.cards.render(
      'case-card',
      caseCardViewModel(c, {
        viewer,
        now,
        earlierCasesOfPerpetrator: outcome.earlierCases,
        refreshUserIds: deskHandlerIds(deps.directory, c),
        ...(viewer === 'handler' ? { informed: { current: currentlyInformed(c, deps.directory), candidates: informedCandidates(c, deps.directory) } } : {}),
        ...(outcome.recidive ? { recidive: outcome.recidive } : {}),
        ...(meetings ? { meetings } : {}),
        ...(history ? { history, nameOf } : {}),
        ...(handlerName ? { handlerName } : {}),
        ...(proposalForm ? { proposalForm } : {}),
        ...(shownNotice ? { notice: shownNotice } : {}),
      }),
    );
  });
}

/** A Teams user MRI from an Entra object id: what a card's refresh.userIds expects. */
export function userMri(aadObjectId: string): string {
  return `8:orgid:${aadObjectId}`;
}

/** The handlers who get their own view of a case card automatically (Teams refreshes it for them). */
/** The name of the handler who took the case, as the directory knows them on its desk; undefined before it is taken. */
export function takenHandlerName(directory: Directory, c: Case): string | undefined {
  return c.handler === undefined ? undefined : directory.handlerName(c.route.handler.organisationId, c.route.handler.role, c.handler.aadObjectId);
}

export function deskHandlerIds(directory: Directory, c: Case): string[] {
  return (directory.desk(c.route.handler.organisationId, c.route.handler.role)?.handlers ?? []).map((h) => userMri(h.aadObjectId)).slice(0, 60);
}

export function errorCard(deps: CaseActionDependencies, message: string): object {
  return deps.cards.render('case-error', caseErrorViewModel(message));
}
