import type { Activity, Entity } from 'botbuilder';
import type { DeliveryFailure, DeliveryFailureRecorder, ReminderMessage, ReminderSender, SendResult } from '../app/reminder-ports';
import type { Logger } from '../app/logger';
import type { Directory } from '../domain/directory';
import type { CaseReader } from '../app/ports';
import { ProactiveDeliveryError, ProactiveMessenger } from './proactive-messenger';

/**
 * A reminder in the desk channel names the handler who took the case with a Teams @mention, so it
 * reaches them with a notification (issue 14 point 11): the text carries `<at>name</at>` and a mention
 * entity with the same text and the handler's Entra object id. No handler yet (or not in the
 * directory): no mention, the desk reads it as before.
 */
export function withHandlerMention(activity: Partial<Activity>, handler: { aadObjectId: string; name: string } | undefined): Partial<Activity> {
  if (handler === undefined) return activity;
  // The <at> text must match the entity exactly; angle brackets in a name would break the markup.
  const name = handler.name.replace(/[<>]/g, '').trim();
  if (name === '') return activity;
  const at = `<at>${name}</at>`;
  return {
    ...activity,
    // After the reminder's own heading and lines, so the message still opens with what it is about.
    text: `${activity.text ?? ''}\n\nVoor ${at}, die de zaak in behandeling heeft.`,
    entities: [...(activity.entities ?? []), { type: 'mention', text: at, mentioned: { id: handler.aadObjectId, name } } as Entity],
  };
}

/** Sends reminders as proactive Teams messages and classifies failures for the sweeper. */
export class TeamsReminderSender implements ReminderSender {
  /** `nameOf`: a handler's display name from the directory, for the @mention in the desk channel. */
  constructor(private readonly messenger: ProactiveMessenger, private readonly nameOf: (aadObjectId: string) => string | undefined = () => undefined) {}

  async send(message: ReminderMessage): Promise<SendResult> {
    // Teams renders a text message as Markdown: a blank line between lines keeps them apart.
    const plain = ProactiveMessenger.message({ text: message.text.replace(/\n/g, '\n\n'), summary: `Herinnering ${message.caseNumber}` });
    const mentioned = message.target.kind === 'channel' ? message.target.mentionAadObjectId : undefined;
    const name = mentioned === undefined ? undefined : this.nameOf(mentioned);
    const activity = mentioned !== undefined && name !== undefined ? withHandlerMention(plain, { aadObjectId: mentioned, name }) : plain;
    try {
      if (message.target.kind === 'channel') await this.messenger.postToChannel(message.target.channelId, activity);
      else await this.messenger.sendToUser(message.target.aadObjectId, activity);
      return 'sent';
    } catch (error) {
      if (!(error instanceof ProactiveDeliveryError)) return 'transient';
      const delivery = error.delivery;
      return delivery.kind === 'throttled' ? { retryAfterMs: delivery.retryAfterMs } : delivery.kind;
    }
  }
}

/**
 * A reminder that cannot be delivered (bot removed, blocked) is shown where someone can act on it:
 * in the handler channel, or — when that channel itself is unreachable — to the escalation contact.
 */
export class TeamsDeliveryFailureRecorder implements DeliveryFailureRecorder {
  constructor(
    private readonly deps: { messenger: ProactiveMessenger; directory: Directory; cases: CaseReader; logger: Logger },
  ) {}

  async record(failure: DeliveryFailure): Promise<void> {
    this.deps.logger.warn('reminder.undeliverable', { caseId: failure.caseId, code: failure.reason, count: failure.attempts });
    const stored = await this.deps.cases.get(failure.caseId);
    if (!stored) return;
    const c = stored.case;
    const who = failure.recipient === 'officeHolder' ? 'de betrokkene' : failure.recipient === 'escalation' ? 'de coördinator' : 'de afhandelaars';
    const text = `Een herinnering bij zaak ${c.caseNumber} kon niet worden afgeleverd aan ${who}: de bot is daar niet (meer) bereikbaar. Neem zo nodig zelf contact op.`;
    const activity = ProactiveMessenger.message({ text, summary: text });
    const desk = this.deps.directory.desk(c.route.handler.organisationId, c.route.handler.role);
    try {
      if (failure.recipient !== 'handlerDesk' && desk) await this.deps.messenger.postToChannel(desk.channel.channelId, activity);
      else await this.deps.messenger.sendToUser(this.deps.directory.escalationContact(c.organisationId).aadObjectId, activity);
    } catch {
      this.deps.logger.error('reminder.failure_notice_failed', { caseId: c.id });
    }
  }
}
