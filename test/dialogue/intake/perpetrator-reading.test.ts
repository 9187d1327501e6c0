/** What the office holder types about the perpetrator becomes recidive keys (issue 10 point 7), read from the typed answer. */
import { perpetratorStep } from '../../../src/dialogue/intake/steps/perpetrator.step';
import { readHandleField, readPerpetrator } from '../../../src/dialogue/intake/perpetrator-reading';
import { perpetratorKeys } from '../../../src/domain/perpetrator';

describe('reading a typed answer about the perpetrator', () => {
  it.each<[string, ReturnType<typeof readPerpetrator>]>([
    ['Jan Pietersen', { name: 'Jan Pietersen' }],
    ['Karel Klaassen', { name: 'Karel Klaassen' }],
    ['Karel Klaassen, man van rond de 50 met een pet', { name: 'Karel Klaassen' }],
    ['Jan de Vries uit de Bilt', { name: 'Jan de Vries' }],
    ['Anna van der Berg.', { name: 'Anna van der Berg' }],
    ['J. Pietersen', { name: 'J. Pietersen' }],
    ['hij heet Karel Klaassen en woont in de wijk', { name: 'Karel Klaassen' }],
    ['naam: Pietersen', { name: 'Pietersen' }],
    ['@utrechtboos op Instagram', { name: '@utrechtboos', platform: 'instagram' }],
    ['account @Utrecht.Boos (TikTok) stuurde berichten', { name: '@Utrecht.Boos', platform: 'tiktok' }],
    ['iemand via twitter, @boze_burger.', { name: '@boze_burger', platform: 'x' }],
    ['@boze_burger', { name: '@boze_burger' }],
    ['man met een groene jas, reed weg in een auto met kenteken 77-XYZ-7', { licencePlate: '77-XYZ-7' }],
    ['Jan Pietersen, auto 12-ABC-3', { name: 'Jan Pietersen', licencePlate: '12-ABC-3' }],
    ['Man van rond de 40 met een rode jas', {}],
    ['Een groep jongeren bij het gemeentehuis', {}],
    ['De buurman', {}],
    ['Iemand van de Actiegroep Boze Burgers', {}],
  ])('%s', (typed, expected) => {
    expect(readPerpetrator(typed)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof readHandleField>]>([
    ['@utrechtboos op Instagram', { name: '@utrechtboos', platform: 'instagram' }],
    ['@utrechtboos', { name: '@utrechtboos' }],
    ['Jan Pietersen', { name: 'Jan Pietersen' }],
  ])('the form\'s name field %s', (typed, expected) => {
    expect(readHandleField(typed)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['Karel Klaassen', ['name:karel klaassen']],
    ['onbekend, @utrechtboos op Instagram', ['handle:instagram:utrechtboos']],
    ['onbekend, man met rode jas, kenteken 12-abc-3', ['plate:12abc3']],
    ['onbekend', []],
  ])('the intake\'s typed answer "%s" gives the keys %j', (typed, keys) => {
    const outcome = perpetratorStep.fromText(typed, {} as never);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(perpetratorKeys({ perpetrator: outcome.value })).toEqual(keys);
    // The typed words stay with the report as the characteristics.
    if (typed !== 'onbekend') expect(outcome.value.characteristics).toBe(typed.replace(/^onbekend, /, ''));
  });

  it('reads a handle\'s platform back in the summary', () => {
    expect(perpetratorStep.describe({ known: false, type: 'persoon', name: '@utrechtboos', platform: 'instagram' })).toContain('naam of account: @utrechtboos op Instagram');
  });

  it('reads the form\'s name field into a handle with its platform, so the form gives the same key as the chat', () => {
    const outcome = perpetratorStep.fromForm({ known: 'false', type: 'persoon', name: '@UtrechtBoos op Instagram' }, {} as never);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.value).toEqual({ known: false, type: 'persoon', name: '@UtrechtBoos', platform: 'instagram' });
    const typed = perpetratorStep.fromText('onbekend, @utrechtboos op Instagram', {} as never);
    if (!typed.ok) throw new Error(typed.error);
    expect(perpetratorKeys({ perpetrator: outcome.value })).toEqual(perpetratorKeys({ perpetrator: typed.value }));
  });
});
