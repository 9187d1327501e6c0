import { CardFactory, MessageFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationConstants, type ConnectorClient } from 'botframework-connector';
import type { ConversationStore } from '../app/ports';

/** Where a proactive message landed, so it can be updated later. */
export interface PostedMessage {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}

/** How a send ended, classified once here (conventions: 429, transient, permanent). */
export type DeliveryError = { kind: 'throttled'; retryAfterMs: number } | { kind: 'transient' } | { kind: 'permanent' };

export class ProactiveDeliveryError extends Error {
  constructor(readonly delivery: DeliveryError, readonly status: number | undefined) {
    super(`proactive delivery failed (${delivery.kind}${status ? `, HTTP ${status}` : ''})`);
  }
}

export interface ProactiveMessengerOptions {
  adapter: TeamsAdapter;
  conversations: ConversationStore;
  /** Empty in local mode (no authentication). */
  botAppId: string;
  /** The bot's Teams id (28:<app id>); in local mode the Playground's bot id. */
  botId: string;
  tenantId: string;
  /** Used when no conversation reference for the channel or user is stored yet. */
  defaultServiceUrl: string;
  /** The member id to start a 1:1 with (the Teams user id when known, else the Entra object id). */
  memberIdFor: (aadObjectId: string) => string;
}

/**
 * Proactive messages: new posts in a handler channel, 1:1 messages to people who may never have
 * talked to the bot, and updates of earlier posts. The only place that creates conversations.
 */
export class ProactiveMessenger {
  constructor(private readonly options: ProactiveMessengerOptions) {}

  /** A card (with a plain-text summary) or a text, as one activity. */
  static message(content: { card?: object; text?: string; summary: string }): Partial<Activity> {
    if (content.card) {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(content.card));
      activity.summary = content.summary;
      return activity;
    }
    return MessageFactory.text(content.text ?? content.summary);
  }

  /** Starts a new post in a channel. */
  async postToChannel(channelId: string, activity: Partial<Activity>): Promise<PostedMessage> {
    const reference = await this.channelReference(channelId);
    return this.sendWith(reference, activity);
  }

  /** A 1:1 message; creates the personal conversation when the bot never spoke with this person. */
  async sendToUser(aadObjectId: string, activity: Partial<Activity>): Promise<PostedMessage> {
    const stored = (await this.options.conversations.get(`user:${aadObjectId}`)) as Partial<ConversationReference> | undefined;
    if (stored?.conversation?.id) return this.sendWith(stored, activity);
    const serviceUrl = this.options.defaultServiceUrl;
    let posted: PostedMessage | undefined;
    await this.run((inTurn) =>
      this.options.adapter.createConversationAsync(
        this.options.botAppId,
        'msteams',
        serviceUrl,
        this.audience(),
        {
          isGroup: false,
          bot: { id: this.options.botId, name: 'Weerbaar Bestuur' },
          members: [{ id: this.options.memberIdFor(aadObjectId), name: '' }],
          tenantId: this.options.tenantId,
          channelData: { tenant: { id: this.options.tenantId } },
        } as never,
        (context: TurnContext) =>
          inTurn(async () => {
            const conversationId = context.activity.conversation.id;
            await this.options.conversations.save(`user:${aadObjectId}`, {
              channelId: 'msteams',
              serviceUrl,
              conversation: { id: conversationId, conversationType: 'personal', tenantId: this.options.tenantId },
              bot: { id: this.options.botId, name: 'Weerbaar Bestuur' },
              user: { id: aadObjectId, aadObjectId },
            });
            posted = await this.sendToConversation(context, conversationId, serviceUrl, activity);
          }).then(() => undefined),
      ),
    );
    return posted!;
  }

  /** Replaces an earlier post (e.g. the case card after a change). */
  async update(posted: PostedMessage, activity: Partial<Activity>): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: posted.serviceUrl,
      conversation: { id: posted.conversationId } as ConversationReference['conversation'],
      bot: { id: this.options.botId, name: 'Weerbaar Bestuur' },
    };
    await this.run((inTurn) =>
      this.options.adapter.continueConversationAsync(this.options.botAppId, reference, (context) =>
        inTurn(() => context.updateActivity({ ...activity, id: posted.activityId, conversation: { id: posted.conversationId } } as Partial<Activity>)).then(() => undefined),
      ),
    );
  }

  private async sendWith(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<PostedMessage> {
    let posted: PostedMessage | undefined;
    await this.run((inTurn) =>
      this.options.adapter.continueConversationAsync(this.options.botAppId, reference, (context) =>
        inTurn(async () => {
          posted = await this.sendToConversation(context, reference.conversation!.id, reference.serviceUrl!, activity);
        }),
      ),
    );
    return posted!;
  }

  /**
   * A new message in a conversation, not a reply: in a channel this starts a new post. (The SDK's
   * sendActivity would make it a reply to the continuation activity, which does not exist.)
   */
  private async sendToConversation(context: TurnContext, conversationId: string, serviceUrl: string, activity: Partial<Activity>): Promise<PostedMessage> {
    const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
    const response = await client.conversations.sendToConversation(conversationId, {
      ...activity,
      type: activity.type ?? 'message',
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId },
      from: { id: this.options.botId, name: 'Weerbaar Bestuur' },
    } as Activity);
    return { conversationId, activityId: response.id ?? '', serviceUrl };
  }

  private async channelReference(channelId: string): Promise<Partial<ConversationReference>> {
    const stored = (await this.options.conversations.get(`channel:${channelId}`)) as Partial<ConversationReference> | undefined;
    return {
      channelId: 'msteams',
      serviceUrl: stored?.serviceUrl ?? this.options.defaultServiceUrl,
      // Posting to the channel id itself starts a new thread in that channel.
      conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: this.options.tenantId, name: '' },
      bot: { id: this.options.botId, name: 'Weerbaar Bestuur' },
    };
  }

  private audience(): string {
    return this.options.botAppId ? AuthenticationConstants.ToChannelFromBotOAuthScope : '';
  }

  /**
   * Runs a connector call and classifies its failure. Errors inside the turn logic are caught there
   * (see `inTurn`), because the adapter would otherwise pass them to onTurnError and swallow them.
   */
  private async run(call: (inTurn: <T>(logic: () => Promise<T>) => Promise<T | undefined>) => Promise<void>): Promise<void> {
    let failure: unknown;
    const inTurn = async <T>(logic: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await logic();
      } catch (error) {
        failure = error;
        return undefined;
      }
    };
    try {
      await call(inTurn);
    } catch (error) {
      throw classify(error);
    }
    if (failure !== undefined) throw classify(failure);
  }
}

/** 429 → throttled (honour Retry-After); 401/403/404 → permanent (bot removed, blocked, gone); rest → transient. */
export function classify(error: unknown): ProactiveDeliveryError {
  const record = error as { statusCode?: number; response?: { status?: number; headers?: { get?(name: string): string | undefined } } };
  const status = record?.statusCode ?? record?.response?.status;
  if (status === 429) {
    const header = record.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    return new ProactiveDeliveryError({ kind: 'throttled', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : 1000 }, status);
  }
  if (status === 401 || status === 403 || status === 404) return new ProactiveDeliveryError({ kind: 'permanent' }, status);
  return new ProactiveDeliveryError({ kind: 'transient' }, status);
}
