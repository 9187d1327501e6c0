import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { ConversationStore } from '../app/ports';
import type { IntakeService } from '../app/intake.service';
import type { CaseHandlingService } from '../app/case-handling.service';
import { registerCaseActions, type CaseActionDependencies } from './case/case-actions';
import { registerRecidiveActions } from './case/recidive-actions';
import { caseErrorViewModel } from './case/case-cards';
import { replyWithCardForInteractor } from './invoke-response';
import { registerMeetingActions } from './meeting/meeting-actions';
import { plannedMeetingInfo } from './meeting/meeting-cards';
import type { MeetingService } from '../app/meeting.service';
import type { EvidenceService } from '../app/evidence.service';
import type { Clock } from '../domain/clock';
import { handlePersonalMessage, type IntakeRouteDependencies } from './intake/intake-routes';
import type { PrivacyRouteDependencies } from './privacy/privacy-routes';
import { downloadAttachments } from './intake/attachments';
import type { Directory } from '../domain/directory';
import type { Logger } from '../app/logger';
import type { CardRenderer } from './cards/card-renderer';
import { sendHelp } from './send-help';
import { isPoliceFormCommand, sendPoliceForm, sendPoliceFormToChat } from './files/police-form-route';
import type { ProactiveMessenger } from './proactive-messenger';
import type { PoliceFormService } from '../app/police-form.service';
import { isFiguresCommand, registerFiguresActions, sendFigures, type FiguresRouteDependencies } from './figures/figures-routes';

/** What the Teams app needs from the rest of the system. */
export interface TeamsAppDependencies {
  adapter: TeamsAdapter;
  cards: CardRenderer;
  conversations: ConversationStore;
  directory: Directory;
  intake: IntakeService;
  caseHandling: CaseHandlingService;
  evidence: EvidenceService;
  clock: Clock;
  /** Needed to fetch inline images with the bot's token; absent in local mode. */
  botAppId?: string;
  /** Planning meetings with the perpetrator from the case card (issue 5). */
  meetings?: { service: MeetingService; icsUrl: (token: string) => string };
  /** Figures and their CSV export in the 1:1 chat (issue 11). */
  figures?: Pick<FiguresRouteDependencies, 'figures' | 'exports' | 'drawChart'>;
  /** "politieformulier <zaaknummer>" for a handler of the case (issue 11). */
  policeForms?: Pick<PoliceFormService, 'offer'>;
  /** 1:1 messages started by the bot: the police form from the case card goes to the caller's own chat. */
  directMessages?: Pick<ProactiveMessenger, 'sendToUser'>;
  /** "mijn gegevens" and "bewaartermijn" in the 1:1 chat (issue 12). */
  privacy?: PrivacyRouteDependencies;
  logger: Logger;
}

/** Builds the Teams AI application: every route the bot answers, in one place. */
export function createTeamsApp(deps: TeamsAppDependencies): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: deps.adapter,
    // Conversation state lives in our own Table Storage repositories, not in Teams AI turn state.
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });

  // Card actions first: Teams wants an invoke answered within a few seconds. Meeting verbs go before
  // the case verbs, whose catch-all would otherwise answer them as unknown.
  if (deps.meetings) {
    registerMeetingActions(app, {
      meetings: deps.meetings.service,
      icsUrl: deps.meetings.icsUrl,
      caseHandling: deps.caseHandling,
      cards: deps.cards,
      directory: deps.directory,
      clock: deps.clock,
      logger: deps.logger,
    });
  }
  const figures: FiguresRouteDependencies | undefined = deps.figures && { ...deps.figures, cards: deps.cards, directory: deps.directory, clock: deps.clock, logger: deps.logger };
  if (figures) registerFiguresActions(app, figures);
  const meetings = deps.meetings;
  const caseActions: CaseActionDependencies = {
    caseHandling: deps.caseHandling,
    cards: deps.cards,
    directory: deps.directory,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.policeForms && deps.directMessages
      ? {
          sendPoliceForm: (actor: string, caseNumber: string) =>
            sendPoliceFormToChat({ policeForms: deps.policeForms!, directMessages: deps.directMessages!, cards: deps.cards, clock: deps.clock, logger: deps.logger }, actor, caseNumber),
        }
      : {}),
    ...(meetings
      ? {
          // Read only for a case that has planned meetings (or, stored before that was kept, might have).
          meetingsFor: async (c) =>
            c.hasPlannedMeetings === false ? [] : (await meetings.service.listForCase(c.id)).map((record) => plannedMeetingInfo(record, c, meetings.icsUrl(record.icsToken))),
        }
      : {}),
  };
  // The recidive buttons before the case verbs, whose catch-all would answer them as unknown.
  registerRecidiveActions(app, caseActions);
  registerCaseActions(app, caseActions);

  // Remember where each person and channel can be reached, for later proactive messages.
  app.turn('beforeTurn', async (context) => {
    // Only people of the configured tenant may use the bot: a report never crosses organisations.
    // An activity without a tenant, or naming two, is treated as foreign: nothing fails open.
    const tenant = tenantCheck(context, deps.directory.tenantId);
    if (tenant !== 'home') {
      deps.logger.warn('turn.foreign_tenant', { correlationId: context.activity.id, code: tenant, detail: context.activity.type });
      await refuseForeignTenant(context, deps);
      return false;
    }
    await rememberConversation(context, deps.conversations);
    return true;
  });

  const helpDeps = { cards: deps.cards, directory: deps.directory, ...(figures ? { canSeeFigures: (aadObjectId: string) => figures.figures.scopesOf(aadObjectId).length > 0 } : {}) };
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (botWasAdded) await sendHelp(context, helpDeps);
  });

  const intakeRoutes: IntakeRouteDependencies = {
    intake: deps.intake,
    evidence: deps.evidence,
    cards: deps.cards,
    clock: deps.clock,
    downloadFiles: (context) => downloadAttachments(context, deps.adapter, deps.botAppId),
    sendHelp: (context) => sendHelp(context, helpDeps),
    myCases: { caseHandling: deps.caseHandling, directory: deps.directory, cards: deps.cards, clock: deps.clock, logger: deps.logger },
    ...(deps.privacy ? { privacy: deps.privacy } : {}),
  };

  app.activity(ActivityTypes.Message, async (context) => {
    // Reports are made in the 1:1 chat only; in a channel the bot explains where to go.
    if (context.activity.conversation?.conversationType === 'personal') {
      // "cijfers" is a typed command only (a card's value is the intake's or the advice's).
      const typed = context.activity.value === undefined || context.activity.value === null;
      if (figures && typed && isFiguresCommand(context.activity.text)) {
        await sendFigures(context, figures);
      } else if (deps.policeForms && typed && isPoliceFormCommand(context.activity.text)) {
        await sendPoliceForm(context, { policeForms: deps.policeForms, cards: deps.cards, clock: deps.clock, logger: deps.logger });
      } else {
        await handlePersonalMessage(context, intakeRoutes);
      }
    } else {
      await sendHelp(context, helpDeps);
    }
  });

  return app;
}

/** `home` only when every place that names a tenant (channelData.tenant.id, conversation.tenantId) names ours, and at least one does. */
function tenantCheck(context: TurnContext, homeTenantId: string): 'home' | 'missing' | 'mixed' | 'foreign' {
  const activity = context.activity;
  // Tenant ids are GUIDs (checked at the front door); their letters may come in either case.
  const named = [(activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id, activity.conversation?.tenantId]
    .filter((id) => id !== undefined && id !== null)
    .map((id) => String(id).toLowerCase());
  if (named.length === 0) return 'missing';
  if (named.some((id) => id !== named[0])) return 'mixed';
  return named[0] === homeTenantId.toLowerCase() ? 'home' : 'foreign';
}

const FOREIGN_TENANT = 'Deze bot is alleen beschikbaar voor de organisaties in de provincie Utrecht die hem hebben ingericht.';

async function refuseForeignTenant(context: TurnContext, deps: TeamsAppDependencies): Promise<void> {
  if (context.activity.type === ActivityTypes.Message) await context.sendActivity(FOREIGN_TENANT);
  if (context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action') {
    await replyWithCardForInteractor(context, deps.cards.render('case-error', caseErrorViewModel(FOREIGN_TENANT)));
  }
}

async function rememberConversation(context: TurnContext, store: ConversationStore): Promise<void> {
  const activity = context.activity;
  // Without the activity id the reference is stable across turns, so it is rarely rewritten.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity) as ConversationReference;
  const conversationType = activity.conversation?.conversationType;
  const aadObjectId = activity.from?.aadObjectId;
  if (conversationType === 'personal' && aadObjectId) {
    await store.save(`user:${aadObjectId}`, reference as unknown as Record<string, unknown>);
  } else if (conversationType === 'channel') {
    const channelId = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    if (channelId) await store.save(`channel:${channelId}`, channelReference(reference, channelId) as unknown as Record<string, unknown>);
  }
}

/**
 * The channel's own address: a turn in a channel names the post it happened in (`19:…;messageid=…`)
 * and the person who acted, which differ per card and per person. Kept as such, every action by
 * someone else or on another card would rewrite the row (and 16 people acting at once would fight
 * over its ETag); the channel itself is what is kept.
 */
function channelReference(reference: Partial<ConversationReference>, channelId: string): Partial<ConversationReference> {
  const { channelId: channel, serviceUrl, bot, conversation } = reference;
  return { channelId: channel, serviceUrl, bot, ...(conversation ? { conversation: { ...conversation, id: channelId } } : {}) };
}
