import type { DeliveryFailure, DeliveryFailureRecorder, ReminderMessage, ReminderSender, SendResult } from '../app/reminder-ports';
import type { Logger } from '../app/logger';
import type { Directory } from '../domain/directory';
import type { CaseReader } from '../app/ports';
import { ProactiveDeliveryError, ProactiveMessenger } from './proactive-messenger';

/** Sends reminders as proactive Teams messages and classifies failures for the sweeper. */
export class TeamsReminderSender implements ReminderSender {
  constructor(private readonly messenger: ProactiveMessenger) {}

  async send(message: ReminderMessage): Promise<SendResult> {
    // Teams renders a text message as Markdown: a blank line between lines keeps them apart.
    const activity = ProactiveMessenger.message({ text: message.text.replace(/\n/g, '\n\n'), summary: `Herinnering ${message.caseNumber}` });
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
