import type { TurnContext } from 'botbuilder';
import type { Directory } from '../domain/directory';
import type { CardRenderer } from './cards/card-renderer';
import { channelHelpCardViewModel, deskForChannel, helpCardViewModel } from './cards/help-card';
import { givenNameOf } from './given-name';
import { sendCard } from './send-card';
import { PERSONAL_COMMANDS } from './commands';
import { FIGURES_COMMAND } from './figures/figures-routes';

/**
 * The help card: in the 1:1 chat the office holder's (112 and "Incident melden" first, then the
 * advice); anywhere else (a handlers' channel, a group chat) the handlers' card with the
 * coordinator VPT from the directory, and no buttons that would post "meld incident" there.
 */
export async function sendHelp(context: TurnContext, deps: { cards: CardRenderer; directory: Directory; canSeeFigures?: (aadObjectId: string) => boolean }): Promise<void> {
  const { activity } = context;
  const userName = activity.from?.name;
  const givenName = await givenNameOf(context);
  if (activity.conversation?.conversationType === 'personal') {
    // "cijfers" only for those who may see figures (the coordinator VPT, a desk's handlers).
    const aadObjectId = activity.from?.aadObjectId;
    const figures = aadObjectId !== undefined && deps.canSeeFigures?.(aadObjectId) === true;
    const commands = figures ? [...PERSONAL_COMMANDS.slice(0, -1), FIGURES_COMMAND, ...PERSONAL_COMMANDS.slice(-1)] : PERSONAL_COMMANDS;
    await sendCard(context, deps.cards.render('help', helpCardViewModel({ userName, ...(givenName ? { givenName } : {}), commands })), 'Weerbaar Bestuur: zo meld je een incident.');
    return;
  }
  // Teams names the channel in channelData; some events carry it only as the conversation id.
  const channelId = activity.conversation?.conversationType === 'channel'
    ? (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? activity.conversation.id?.split(';')[0]
    : undefined;
  const desk = deskForChannel(deps.directory, channelId);
  // Outside a desk's channel, the escalation contact shown is that of the caller's own desk, if any.
  const ownDesk = activity.from?.aadObjectId ? deps.directory.desksOf(activity.from.aadObjectId)[0] : undefined;
  const card = deps.cards.render('help-channel', channelHelpCardViewModel({
    ...(userName ? { userName } : {}),
    ...(givenName ? { givenName } : {}),
    directory: deps.directory,
    ...(desk ? { desk } : {}),
    ...(ownDesk ? { organisationId: ownDesk.organisationId } : {}),
  }));
  await sendCard(context, card, 'Weerbaar Bestuur: hulp bij de afhandeling.');
}
