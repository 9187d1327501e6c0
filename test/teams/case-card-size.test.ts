/** The handler's case card is compact: the primary action near the top, the long parts folded (issue 14 point 7). */
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { CASE_CARD_NAMES, caseCardViewModel } from '../../src/teams/case/case-cards';
import { caseInStatus, caseSampleTime } from '../cards/card-fixtures';
import type { Json } from '../support/card-reading';
import { visibleCardSize } from '../support/card-size';

const renderer = new CardRenderer();
const options = { viewer: 'handler' as const, now: caseSampleTime(60), earlierCasesOfPerpetrator: 0, refreshUserIds: ['29:a'], handlerName: 'Bram Bakker' };

describe('case card size', () => {
  it.each(['submitted', 'inProgress', 'measuresApproved'] as const)('%s', (step) => {
    const card = renderer.render(CASE_CARD_NAMES.caseCard, caseCardViewModel(caseInStatus(step), options)) as Json;
    console.log(step, JSON.stringify(visibleCardSize(card)));
  });
});
