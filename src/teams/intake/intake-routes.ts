import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { EvidenceService } from '../../app/evidence.service';
import { isConflict } from '../../app/ports';
import type { IntakeReply, IntakeService, Reporter } from '../../app/intake.service';
import type { Clock } from '../../domain/clock';
import { INTAKE_STEP_IDS } from '../../domain/intake';
import type { IntakeInput } from '../../dialogue/intake';
import type { CardRenderer } from '../cards/card-renderer';
import { normaliseCommandText } from '../commands';
import { sendCard } from '../send-card';
import { renderIntakeReplies, type OutgoingMessage } from './intake-cards';
import { fileAttachments, type DownloadResult } from './attachments';
import { renderGuidance } from '../guidance/guidance-cards';
import { handlePrivacyCommand, type PrivacyRouteDependencies } from '../privacy/privacy-routes';
import { handleMyCasesAction, isMyCasesAction, sendMyCases, type MyCasesRouteDependencies } from '../my-cases/my-cases-routes';
import {
  behaviourLevelSchema,
  guidanceForAction,
  guidanceForCommand,
  guidanceForIdleWord,
  isGuidanceAction,
  type GuidanceRequest,
} from '../guidance/guidance-requests';

/** Words that start a report (issue: "meld incident", also "melding", "incident melden", "nieuwe melding"). */
export const START_COMMANDS = ['meld incident', 'melding', 'incident melden', 'nieuwe melding', 'melden', 'incident'];

/** Card buttons of the intake (Action.Submit data). One schema per action; ids only, never records. */
const stepId = z.enum(INTAKE_STEP_IDS);
const CardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('intake.answer'), step: z.string().max(40) }).passthrough(),
  z.object({ action: z.literal('intake.edit'), step: stepId }),
  z.object({ action: z.literal('intake.submit'), draftId: z.string().min(1).max(100) }),
  z.object({ action: z.literal('intake.cancel') }),
  z.object({ action: z.literal('intake.cancelConfirm') }),
  z.object({ action: z.literal('intake.resume') }),
  z.object({ action: z.literal('intake.address'), remove: z.boolean() }),
  // From an advice card, the level the office holder chose there (the level question is then skipped).
  z.object({ action: z.literal('intake.start'), level: behaviourLevelSchema.optional() }),
]);
type CardAction = z.infer<typeof CardActionSchema>;

/** Keys Teams adds to Action.Submit data that are not the user's answer. */
const TRANSPORT_KEYS = new Set(['action', 'step', 'msteams']);

export interface IntakeRouteDependencies {
  intake: IntakeService;
  evidence: EvidenceService;
  cards: CardRenderer;
  clock: Clock;
  downloadFiles: (context: TurnContext) => Promise<DownloadResult>;
  sendHelp: (context: TurnContext) => Promise<void>;
  /** "mijn gegevens" and "bewaartermijn" (README "Privacy"); absent: those words are ordinary text. */
  privacy?: PrivacyRouteDependencies;
  /** "mijn meldingen" and its buttons. */
  myCases: MyCasesRouteDependencies;
}

/** What one message in the personal chat gets: intake replies, the help card or an advice card. */
type PersonalAnswer = IntakeReply[] | 'help' | 'myCases' | { guidance: GuidanceRequest } | { myCasesAction: unknown };

/** Handles one message in the personal chat: a card button, files, a command or an answer. */
export async function handlePersonalMessage(context: TurnContext, deps: IntakeRouteDependencies): Promise<void> {
  const reporter = reporterOf(context);
  if (!reporter) {
    await context.sendActivity('Ik kan niet zien wie je bent. Gebruik deze bot vanuit Microsoft Teams met je werkaccount.');
    return;
  }
  try {
    if (deps.privacy && (activity(context).value === undefined || activity(context).value === null)) {
      const outcome = await handlePrivacyCommand(context, reporter.aadObjectId, normaliseCommandText(activity(context).text), deps.privacy);
      // The open draft can be deleted through the intake's own confirm step ("stop").
      if (outcome === 'offerDraftDeletion') await send(context, await deps.intake.requestCancel(reporter), deps);
      if (outcome !== 'notPrivacy') return;
    }
    const replies = await route(context, reporter, deps);
    if (replies === 'help') return deps.sendHelp(context);
    if (replies === 'myCases') return sendMyCases(context, reporter.aadObjectId, deps.myCases);
    if ('myCasesAction' in replies) return handleMyCasesAction(context, replies.myCasesAction, reporter.aadObjectId, deps.myCases);
    if (!Array.isArray(replies)) return sendMessage(context, renderGuidance(replies.guidance, deps.cards));
    await send(context, replies, deps);
  } catch (error) {
    if (!isConflict(error)) throw error;
    // Two answers crossed (e.g. a double click): the first one counts; show where we are.
    await send(context, await deps.intake.resume(reporter), deps, 'Je vorige antwoord werd net tegelijk verwerkt. Dit is de vraag waar je nu bent.');
  }
}

async function route(context: TurnContext, reporter: Reporter, deps: IntakeRouteDependencies): Promise<PersonalAnswer> {
  const { activity } = context;
  if (activity.value !== undefined && activity.value !== null) {
    if (isGuidanceAction(activity.value)) {
      const guidance = guidanceForAction(activity.value);
      return guidance ? { guidance } : [{ kind: 'invalid', message: UNKNOWN_BUTTON }];
    }
    if (isMyCasesAction(activity.value)) return { myCasesAction: activity.value };
    if ((activity.value as { action?: unknown }).action === 'intake.myCases') return 'myCases';
    return handleCardAction(activity.value, reporter, deps);
  }

  if (fileAttachments(context).length > 0) return handleFiles(context, reporter, deps);

  const command = normaliseCommandText(activity.text);
  if (START_COMMANDS.includes(command)) return deps.intake.start(reporter);
  const guidance = guidanceForCommand(command);
  if (guidance) return { guidance };
  if (command === 'help' || command === '?') return 'help';
  if (command === 'verder' || command === 'ga verder') return deps.intake.resume(reporter);
  if (command === 'stop' || command === 'annuleer' || command === 'afbreken') return deps.intake.requestCancel(reporter);
  if (command === 'mijn meldingen') return 'myCases';
  // Free text answers the open question; without a draft in progress it gets advice or the explanation.
  const replies = await deps.intake.answer(reporter, { kind: 'text', text: activity.text ?? '' });
  if (replies.length !== 1 || replies[0].kind !== 'noDraft') return replies;
  const idleGuidance = guidanceForIdleWord(command);
  return idleGuidance ? { guidance: idleGuidance } : 'help';
}

const activity = (context: TurnContext) => context.activity;

const UNKNOWN_BUTTON = 'Deze knop begrijp ik niet (meer). Typ "verder" om door te gaan met je melding.';

async function handleCardAction(value: unknown, reporter: Reporter, deps: IntakeRouteDependencies): Promise<IntakeReply[]> {
  const parsed = CardActionSchema.safeParse(value);
  if (!parsed.success) return [{ kind: 'invalid', message: UNKNOWN_BUTTON }];
  const action: CardAction = parsed.data;
  switch (action.action) {
    case 'intake.answer':
      return deps.intake.answer(reporter, formInput(action), action.step);
    case 'intake.edit':
      return deps.intake.edit(reporter, action.step);
    case 'intake.submit':
      return deps.intake.submit(reporter, action.draftId);
    case 'intake.cancel':
      return deps.intake.requestCancel(reporter);
    case 'intake.cancelConfirm':
      return deps.intake.confirmCancel(reporter);
    case 'intake.resume':
      return deps.intake.resume(reporter);
    case 'intake.address':
      return deps.intake.answer(reporter, { kind: 'addressChoice', remove: action.remove });
    case 'intake.start':
      return deps.intake.start(reporter, action.level === undefined ? {} : { level: action.level });
  }
}

/** The card's inputs without the routing keys; the domain validates the rest with its own schema. */
function formInput(action: Record<string, unknown>): IntakeInput {
  const values = Object.fromEntries(Object.entries(action).filter(([key]) => !TRANSPORT_KEYS.has(key)));
  return { kind: 'form', values };
}

async function handleFiles(context: TurnContext, reporter: Reporter, deps: IntakeRouteDependencies): Promise<IntakeReply[]> {
  const draftId = await deps.intake.openDraftId(reporter);
  if (!draftId) {
    return [{ kind: 'invalid', message: 'Bestanden kun je toevoegen tijdens een melding. Typ eerst "meld incident"; bij de vraag over bewijs kun je ze sturen.' }];
  }
  const download = await deps.downloadFiles(context);
  const refusals: IntakeReply[] = download.refused.map((r) => ({
    kind: 'invalid',
    message:
      r.reason === 'tooLarge'
        ? `Het bestand "${r.fileName.slice(0, 80)}" is groter dan 25 MB en is niet opgeslagen. Bewaar het origineel; de afhandelaar kan het later bij je opvragen.`
        : `Het bestand "${r.fileName.slice(0, 80)}" kon ik niet ophalen. Probeer het nog eens, of bewaar het origineel voor de afhandelaar.`,
  }));
  if (download.files.length === 0) return refusals;
  const files = await deps.evidence.store(draftId, download.files);
  return [...refusals, ...(await deps.intake.answer(reporter, { kind: 'files', files }))];
}

async function send(context: TurnContext, replies: IntakeReply[], deps: IntakeRouteDependencies, preface?: string): Promise<void> {
  if (preface) await context.sendActivity(preface);
  for (const message of renderIntakeReplies(replies, deps.cards, deps.clock.now())) await sendMessage(context, message);
}

async function sendMessage(context: TurnContext, message: OutgoingMessage): Promise<void> {
  if (message.card) await sendCard(context, message.card, message.summary);
  else if (message.text) await context.sendActivity(message.text);
}

function reporterOf(context: TurnContext): Reporter | undefined {
  const from = context.activity.from;
  if (!from?.aadObjectId) return undefined;
  return { aadObjectId: from.aadObjectId, name: (from.name ?? '').slice(0, 200) };
}

