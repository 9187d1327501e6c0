/** The recidive part of the handler's case card (recidive-view.ts), rendered into the real template and checked as a handler reads and clicks it. */
import type { RecidiveOverview } from '../../src/app/recidive';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { CASE_CARD_NAMES, caseCardViewModel, type CaseCardOptions } from '../../src/teams/case/case-cards';
import { crossOrganisationNotice, RECIDIVE_VERBS, SUGGESTIONS_SHOWN } from '../../src/teams/case/recidive-view';
import { caseAtMaxLength, caseInStatus, caseSampleSteps, caseSampleTime } from '../cards/card-fixtures';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, executes, readable } from '../support/card-reading';

const renderer = new CardRenderer();
const NOW = caseSampleTime(60);
const match = (n: number) => ({ caseId: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`, caseNumber: `WB-2026-${String(n).padStart(5, '0')}`, registeredAt: new Date(Date.UTC(2026, 0, n)) });
const overview = (over: Partial<RecidiveOverview> = {}): RecidiveOverview => ({ matchable: true, suggestions: [], dossier: [], earlierConfirmed: 0, elsewhere: 0, fingerprint: 'x', ...over });

function card(c = caseInStatus('inProgress'), options: Partial<CaseCardOptions> = {}): Json {
  const rendered = renderer.render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, { viewer: 'handler', now: NOW, earlierCasesOfPerpetrator: 0, refreshUserIds: ['29:bram'], ...options }));
  assertValidTeamsCard(rendered, CASE_CARD_NAMES.caseCard);
  return rendered as Json;
}

describe('the recidive part of the case card', () => {
  it('offers to confirm or reject each suggested match, with ids only in the buttons', () => {
    const c = caseInStatus('inProgress');
    const shown = card(c, { recidive: overview({ suggestions: [match(12)] }) });
    expect(readable(shown)).toContain('Mogelijk dezelfde pleger als in zaak WB-2026-00012.');
    const buttons = executes(shown).filter((a) => String(a.verb).startsWith('recidive.'));
    expect(buttons.map((a) => [a.title, a.verb])).toEqual([['Zelfde pleger', RECIDIVE_VERBS.confirm], ['Niet dezelfde', RECIDIVE_VERBS.reject]]);
    for (const button of buttons) expect(button.data).toEqual({ caseId: c.id, matchCaseId: match(12).caseId });
  });

  it.each<[string, Partial<RecidiveOverview>, string[]]>([
    ['a dossier of confirmed cases', { dossier: [match(3), match(7)], earlierConfirmed: 2 }, ['Dossier van deze pleger: ook in zaak WB-2026-00003, WB-2026-00007.']],
    ['cases elsewhere in the province, as a count', { elsewhere: 1 }, ['Deze pleger komt in 1 zaak elders in de provincie voor.']],
    ['the oldest suggestion first, and how many more follow', { suggestions: [match(1), match(2), match(3), match(4)] }, [`Mogelijk dezelfde pleger als in zaak WB-2026-00001 (en nog ${4 - SUGGESTIONS_SHOWN} mogelijke).`]],
    ['the newest case numbers of a long dossier', { dossier: [1, 2, 3, 4, 5].map(match) }, ['Dossier van deze pleger: ook in zaak WB-2026-00003, WB-2026-00004, WB-2026-00005 en 2 eerdere.']],
  ])('shows %s', (_what, over, lines) => {
    const text = readable(card(caseInStatus('inProgress'), { recidive: overview(over) }));
    for (const line of lines) expect(text).toContain(line);
  });

  it('shows nothing to anyone but a handler, and nothing for a case without a name, handle or plate', () => {
    const c = caseInStatus('inProgress');
    const full = overview({ suggestions: [match(1)], dossier: [match(2)], elsewhere: 3 });
    const readOnly = readable(card(c, { viewer: 'readOnly', recidive: full }));
    expect(readOnly).not.toContain('WB-2026-00001');
    expect(readOnly).not.toContain('elders in de provincie');
    expect(readable(card(c, { recidive: { ...full, matchable: false } }))).not.toContain('WB-2026-00001');
  });

  it('stays under Teams\' 28 KB with every field at its maximum and the recidive part full', () => {
    const full = overview({ suggestions: Array.from({ length: 9 }, (_, i) => match(i + 1)), dossier: Array.from({ length: 30 }, (_, i) => match(i + 100)), elsewhere: 12 });
    for (const step of caseSampleSteps()) {
      const rendered = card(caseAtMaxLength(step, (n) => '∗'.repeat(n)), { recidive: full, earlierCasesOfPerpetrator: 30, refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:1${'a'.repeat(86)}${i}`) });
      expect(Buffer.byteLength(JSON.stringify(rendered), 'utf8')).toBeLessThan(27 * 1024);
    }
  });
});

describe('the coordinator VPT\'s notice of a match across organisations', () => {
  it.each<[Map<string, number>, string]>([
    [new Map([['gemeente-utrecht', 1]]), 'gaat over dezelfde pleger als 1 zaak bij Gemeente Utrecht.'],
    [new Map([['gemeente-zeist', 1], ['gemeente-utrecht', 2]]), 'gaat over dezelfde pleger als 2 zaken bij Gemeente Utrecht en 1 zaak bij Gemeente Zeist.'],
  ])('names organisations and counts only (%#)', (elsewhere, expected) => {
    const notice = crossOrganisationNotice('gemeente-houten', elsewhere);
    expect(notice).toContain('een nieuwe melding bij Gemeente Houten');
    expect(notice).toContain(expected);
    expect(notice).not.toMatch(/WB-\d{4}/);
  });
});
