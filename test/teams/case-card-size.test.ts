/** The handler's case card is compact: the primary action near the top, the long parts folded (issue 14 point 7). */
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { CASE_CARD_NAMES, CASE_VERBS, caseCardViewModel } from '../../src/teams/case/case-cards';
import { caseInStatus, caseSampleTime, type CaseSampleStep } from '../cards/card-fixtures';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, nodes } from '../support/card-reading';
import { visibleCardSize } from '../support/card-size';

const renderer = new CardRenderer();
const options = { viewer: 'handler' as const, now: caseSampleTime(60), earlierCasesOfPerpetrator: 0, refreshUserIds: ['29:a'], handlerName: 'Bram Bakker' };

function card(step: CaseSampleStep): Json {
  const rendered = renderer.render(CASE_CARD_NAMES.caseCard, caseCardViewModel(caseInStatus(step), options));
  assertValidTeamsCard(rendered, CASE_CARD_NAMES.caseCard);
  return rendered as Json;
}

/** The titles of the buttons in the body, in card order (ShowCard contents left out: they are folded). */
function visibleButtonTitles(value: Json): string[] {
  const titles: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Json;
    if (n.isVisible === false) return;
    if (n.type === 'ActionSet') for (const a of n.actions as Json[]) titles.push(String(a.title));
    for (const key of ['body', 'items', 'columns']) visit(n[key]);
  };
  visit(value.body);
  return titles;
}

describe('case card size', () => {
  // The card measured about 2,000 px before (issue 14): nine "Afvinken" buttons, the primary action in the middle.
  it.each(['submitted', 'inProgress', 'sentBack', 'measuresAgreed', 'measuresApproved'] as const)('stays short before anything is unfolded when the case is %s', (step) => {
    const size = visibleCardSize(card(step));
    expect(size.approxHeightPx).toBeLessThan(1500);
    expect(size.buttons).toBeLessThanOrEqual(8);
  });

  it.each<[CaseSampleStep, string]>([
    ['submitted', 'Neem in behandeling'],
    ['inProgress', 'Maatregelen voorstellen'],
    ['measuresAgreed', 'Maatregelen vaststellen'],
  ])('puts the primary action first when the case is %s', (step, title) => {
    expect(visibleButtonTitles(card(step))[0]).toBe(title);
  });

  it('folds the long parts: the report, the checklist, the meetings and the history', () => {
    const rendered = card('measuresApproved');
    const folded = nodes(rendered, 'Container').filter((n) => n.isVisible === false).map((n) => n.id);
    expect(folded).toEqual(expect.arrayContaining(['reportBody', 'checklistBody', 'meetingsBody', 'historyBody']));
    // Nothing of the checklist is a button of its own any more.
    expect(nodes(rendered, 'Action.Execute').filter((a) => a.verb === CASE_VERBS.tickChecklistStep)).toEqual([]);
  });
});
