/**
 * Sample view-models for every template in cards/, used by cards.test.ts to render and check each
 * card. Adding a card? Add its samples here: build them with the card's own view-model function, so
 * the samples stay typed, and cover each `$when` branch.
 */
import { helpCardViewModel } from '../../src/teams/cards/help-card';

/** Template name (file name without .json) → view-models to render it with. */
export const cardFixtures: Readonly<Record<string, readonly object[]>> = {
  help: [
    helpCardViewModel({ userName: 'Anna de Vries' }),
    helpCardViewModel(),
    helpCardViewModel({ userName: 'Team Afhandeling', inChannel: true, commands: [{ command: 'help', description: 'Uitleg' }] }),
    helpCardViewModel({ commands: [] }),
  ],
};
