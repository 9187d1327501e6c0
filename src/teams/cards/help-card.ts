/** View-model for cards/help.json: the welcome and help card. */
import { PERSONAL_COMMANDS } from '../commands';
import { toCardText } from './escape';

/** One command the user can type, as listed on the help card. */
export interface CardCommand {
  command: string;
  description: string;
}

/** Data bound to cards/help.json; build it with `helpCardViewModel` so user text is escaped. */
export interface HelpCardViewModel {
  userName?: string;
  /** In a (handler) channel the card points to the 1:1 chat and offers no report buttons. */
  inChannel: boolean;
  commands: CardCommand[];
}

/** Builds the help card's data; the display name comes from Teams, so it is escaped like any user text. */
export function helpCardViewModel(options: { userName?: string; inChannel?: boolean; commands?: readonly CardCommand[] } = {}): HelpCardViewModel {
  const name = toCardText(options.userName?.trim(), 100);
  return {
    ...(name ? { userName: name } : {}),
    inChannel: options.inChannel ?? false,
    commands: (options.commands ?? PERSONAL_COMMANDS).map((c) => ({ command: toCardText(c.command), description: toCardText(c.description) })),
  };
}
