/** Issue 10.8 end to end in the core: the planes are recorded at submission, shown to the handler and counted in the registration. */
import { monthCounterNames } from '../../src/domain/registration/counters';
import { registrationRow } from '../../src/domain/registration/registration-row';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { caseCardViewModel } from '../../src/teams/case/case-cards';
import { caseInStatus, caseSampleTime, sampleCase } from '../cards/card-fixtures';
import { assertValidTeamsCard } from '../support/card-checks';
import { readable } from '../support/card-reading';

const renderer = new CardRenderer();

function handlerCardText(c: ReturnType<typeof caseInStatus>): string {
  const card = renderer.render('case-card', caseCardViewModel(c, { viewer: 'handler', now: caseSampleTime(60), earlierCasesOfPerpetrator: 0, refreshUserIds: [], handlerName: 'Bram Bakker' }));
  assertValidTeamsCard(card, 'case-card');
  return readable(card);
}

describe('behaviour domains on the case (issue 10.8)', () => {
  it('are recorded with the kinds when the report is submitted from the intake', () => {
    const c = sampleCase({ answers: { kinds: 'bedreiging, seksuele intimidatie' } });
    expect(c.report.kinds).toEqual(['bedreiging', 'seksueleIntimidatie']);
    expect(c.report.domains).toEqual(['emotioneel', 'seksueel']);
  });

  it('are shown to the handler on the case card', () => {
    expect(handlerCardText(caseInStatus('inProgress', { report: { kinds: ['vernieling', 'bedreiging'] } }))).toContain('Vlak: Fysiek, emotioneel, financieel');
    // A case stored before the planes were recorded shows them derived from its kinds.
    expect(handlerCardText(caseInStatus('inProgress', { report: { kinds: ['pesten'] } }))).toContain('Vlak: Emotioneel');
  });

  it('are counted in the registration row and the month counters', () => {
    const c = caseInStatus('inProgress', { report: { kinds: ['fysiekeAgressie'], damage: { propertyDamage: true, absenceFromWork: false } } });
    const row = registrationRow(c, { earlierCasesOfPerpetrator: 0 });
    expect(row.domains).toEqual(['fysiek', 'financieel']);
    expect(monthCounterNames(row)).toEqual(expect.arrayContaining(['domain_fysiek', 'domain_financieel']));
    expect(monthCounterNames(row)).not.toContain('domain_emotioneel');
  });
});
