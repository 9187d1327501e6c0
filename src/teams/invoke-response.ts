import { ActivityTypes, StatusCodes, type TurnContext } from 'botbuilder';

/**
 * Answers an Action.Execute with a card for the person who pressed the button only. We answer
 * ourselves because Teams AI would replace the card for everyone when it carries a refresh block,
 * which would show a handler's view to the whole channel.
 */
export async function replyWithCardForInteractor(context: TurnContext, card: object): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: StatusCodes.OK, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}
