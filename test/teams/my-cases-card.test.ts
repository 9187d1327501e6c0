/** "mijn meldingen" as the office holder reads it: per case the incident date, the handler, the status in plain words, the next step and the buttons. */
import type { Case } from '../../src/domain/case';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { MY_CASES_MAX, myCasesViewModel } from '../../src/teams/my-cases/my-cases-card';
import { caseInStatus, sampleCase } from '../cards/card-fixtures';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, nodes, readable } from '../support/card-reading';

const renderer = new CardRenderer();

function card(cases: readonly Case[], handlerName?: string): Json {
  const rendered = renderer.render('my-cases', myCasesViewModel(cases, () => handlerName));
  assertValidTeamsCard(rendered, 'my-cases');
  return rendered as Json;
}

function buttons(value: unknown): { title: string; data: Json }[] {
  return nodes(value, 'Action.Submit').map((action) => ({ title: String(action.title), data: action.data as Json }));
}

describe('my cases card', () => {
  it('invites a first report when there is none', () => {
    const c = card([]);
    expect(readable(c)).toContain('Je hebt nog geen meldingen gedaan.');
    expect(buttons(c)).toEqual([{ title: 'Incident melden', data: { action: 'intake.start' } }]);
  });

  it('lists each case newest first, with the incident date, who handles it, the status in plain words and the next step', () => {
    const older = sampleCase({ caseNumber: 'WB-2026-00007', now: new Date('2026-10-05T09:00:00Z'), answers: { when: 'gisteren 21:30' } });
    const taken = caseInStatus('inProgress', { caseNumber: 'WB-2026-00042', id: 'c0ffee00-0000-4000-8000-000000000042' });
    const text = readable(card([older, taken], 'Peter Jansen'));
    expect(text).toContain('Je hebt 2 meldingen gedaan.');
    expect(text.indexOf('WB-2026-00042')).toBeLessThan(text.indexOf('WB-2026-00007'));
    expect(text).toContain([
      'WB-2026-00042',
      'Incident op: zondag 29 november 2026',
      'Afhandelaar: Peter Jansen, gemeentesecretaris van Utrecht',
      'Status: In behandeling',
      'De afhandelaar stelt maatregelen voor; het voorstel komt in deze chat.',
    ].join('\n'));
    // Not yet taken: the desk, said plainly, and what the office holder waits for.
    expect(text).toContain('Incident op: zondag 4 oktober 2026');
    expect(text).toContain('Status: Ontvangen, nog niet opgepakt');
    expect(text).toMatch(/Afhandelaar: De gemeentesecretaris van [^\n]*Utrecht \(nog niet opgepakt\)/);
    expect(text).toContain('Je krijgt bericht wie dat doet.');
  });

  it('offers "Voorstel bekijken" only while a proposal waits for the office holder, and "Voortgang bekijken" always; the data holds the case id only', () => {
    const proposed = caseInStatus('measuresProposed', { id: 'c0ffee00-0000-4000-8000-000000000001' });
    const agreed = caseInStatus('measuresAgreed', { id: 'c0ffee00-0000-4000-8000-000000000002', caseNumber: 'WB-2026-00043' });
    const c = card([proposed, agreed]);
    expect(readable(c)).toContain('Status: Er ligt een voorstel voor je klaar');
    expect(readable(c)).toContain('Bekijk het voorstel en geef akkoord of reageer.');
    expect(buttons(c)).toEqual(expect.arrayContaining([
      { title: 'Voorstel bekijken', data: { action: 'myCases.openProposal', caseId: proposed.id } },
      { title: 'Voortgang bekijken', data: { action: 'myCases.openProgress', caseId: proposed.id } },
      { title: 'Voortgang bekijken', data: { action: 'myCases.openProgress', caseId: agreed.id } },
    ]));
    expect(buttons(c).filter((b) => b.title === 'Voorstel bekijken')).toHaveLength(1);
  });

  it.each([
    ['submitted', 'Ontvangen, nog niet opgepakt'],
    ['inProgress', 'In behandeling'],
    ['measuresProposed', 'Er ligt een voorstel voor je klaar'],
    ['measuresAgreed', 'Je bent akkoord met het voorstel'],
    ['measuresApproved', 'Maatregelen vastgesteld'],
    ['closed', 'Afgesloten'],
  ] as const)('status %s reads "%s"', (status, words) => {
    expect(readable(card([caseInStatus(status)]))).toContain(`Status: ${words}\n`);
  });

  it('after the office holder sent a proposal back, the next step says the handler adjusts it', () => {
    expect(readable(card([caseInStatus('sentBack')]))).toContain('De afhandelaar past het voorstel aan op je reactie en legt het opnieuw aan je voor.');
  });

  it('shows the newest cases only when there are many, and says how many are left off', () => {
    const one = sampleCase();
    const many = Array.from({ length: MY_CASES_MAX + 3 }, (_, i) => ({
      ...one,
      caseNumber: `WB-2026-${String(i + 1).padStart(5, '0')}`,
      registeredAt: new Date(one.registeredAt.getTime() + i * 3600 * 1000),
    }));
    const text = readable(card(many));
    expect(text).toContain(`Hier staan de ${MY_CASES_MAX} nieuwste. 3 oudere meldingen staan er niet bij.`);
    expect(text).toContain('WB-2026-00023');
    expect(text).not.toContain('WB-2026-00003\n');
  });
});
