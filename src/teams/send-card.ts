import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';

/** Sends one Adaptive Card; the summary is what notifications and screen readers show. */
export async function sendCard(context: TurnContext, card: object, summary: string): Promise<void> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  message.summary = summary;
  await context.sendActivity(message);
}
