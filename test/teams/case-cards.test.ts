/** The case-handling cards, rendered from cases walked through the real domain functions, checked as a user would read and click them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  completeTask,
  EVALUATION_QUESTIONS,
  recordLabourInspectorateWarned,
  recordMeetingHeld,
  recordPerpetratorResponse,
  type Case,
} from '../../src/domain/case';
import { tickChecklistStep } from '../../src/domain/police-checklist';
import { INJURY_LABELS } from '../../src/domain/report';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { CHECKLIST_INPUT_PREFIX, POLICE_FACT_INPUT_PREFIX } from '../../src/teams/case/case-card';
import {
  CASE_CARD_NAMES,
  CASE_INPUT_IDS,
  CASE_VERBS,
  caseCardViewModel,
  caseErrorViewModel,
  caseProgressViewModel,
  caseTakenMessage,
  informedNoticeViewModel,
  measuresProposalViewModel,
  REFRESH_USER_IDS_MAX,
  type CaseCardOptions,
} from '../../src/teams/case/case-cards';
import { caseAcrossUncoveredNewYear, caseAtMaxLength, caseClosedWithoutMeasures, caseInStatus, caseWithIncidentMeeting, casePeople, caseSampleSteps, caseSampleTime, type CaseSampleStep } from '../cards/card-fixtures';
import type { RecidiveOverview } from '../../src/app/recidive';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, execute, executes, input, nodes, readable, showCard } from '../support/card-reading';

const renderer = new CardRenderer();
const HANDLER = casePeople().handler;
const HOSTILE = '[klik hier](https://evil.example/login) ${geheim} {{DATE(2026-01-01T00:00:00Z)}} <script>alert(1)</script> **vet** _schuin_';
/** Teams' limit for a message with a card. */
const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
// Incident Sunday 29 November 2026 20:30; registered Monday 30 November 10:00 (Amsterdam).
const NOW = caseSampleTime(60); // Monday 11:00

function handlerOptions(overrides: Partial<CaseCardOptions> = {}): CaseCardOptions {
  return { viewer: 'handler', now: NOW, earlierCasesOfPerpetrator: 0, refreshUserIds: ['29:bram', '29:carla'], handlerName: 'Bram Bakker', ...overrides };
}

function render(name: string, viewModel: object): Json {
  const card = renderer.render(name, viewModel);
  assertValidTeamsCard(card, name);
  return card as Json;
}

function caseCard(c: Case, overrides: Partial<CaseCardOptions> = {}): Json {
  return render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, handlerOptions(overrides)));
}

function verbs(card: Json): string[] {
  return executes(card).map((action) => String(action.verb));
}

function textBlocks(value: unknown): Json[] {
  return nodes(value, 'TextBlock');
}

/** Markdown, HTML and bindings a user typed must never reach a text block or fact in working form. */
function expectInert(card: Json): void {
  const texts = [
    ...textBlocks(card).map((block) => String(block.text)),
    ...nodes(card, 'FactSet').flatMap((set) => (set.facts as { value: string }[]).map((fact) => fact.value)),
  ];
  for (const text of texts) {
    expect(text).not.toContain('](');
    expect(text).not.toContain('${');
    expect(text).not.toContain('{{');
    expect(text).not.toMatch(/<\s*script/i);
    expect(text).not.toContain('**vet**');
  }
}

function bytes(card: Json): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Verbs per step of the handler view, in card order: the checklist (steps 1–9) is there because an offence is suspected. */
// The checklist is one form now: one "Opslaan" for all nine toggles, the 7 W's of step 2 and the police form (PDF).
const CHECKLIST = [CASE_VERBS.saveChecklist, CASE_VERBS.completePoliceForm, CASE_VERBS.policeForm];
const RESPONSE = [CASE_VERBS.recordResponse, CASE_VERBS.recordResponse];
const MEETINGS = [CASE_VERBS.planMeeting, CASE_VERBS.recordMeetingHeld];

/** Room kept for the recidive part (src/teams/case/recidive-view.ts): a line and two buttons, as large as it may get. */
/** A recidive overview at its largest shown form: a suggestion with its buttons and a count elsewhere. */
const RECIDIVE: RecidiveOverview = {
  matchable: true,
  suggestions: [{ caseId: 'd00dfeed-0000-4000-8000-000000000001', caseNumber: 'WB-2026-00012', registeredAt: new Date('2026-03-01T09:00:00Z') }],
  dossier: [1, 2, 3].map((n) => ({ caseId: `d00dfeed-0000-4000-8000-00000000001${n}`, caseNumber: `WB-2026-0001${n}`, registeredAt: new Date('2026-02-01T09:00:00Z') })),
  earlierConfirmed: 3,
  elsewhere: 12,
  fingerprint: 'size-test',
};

describe('case card, handler view', () => {
  it('includes the recidive part under the headline facts, as built in code', () => {
    const card = caseCard(caseInStatus('inProgress'), { recidive: RECIDIVE });
    const part = nodes(card, 'Container').find((n) => n.id === 'recidivePart');
    expect(JSON.stringify(part?.items)).toContain('Mogelijk dezelfde pleger als in zaak WB-2026-00012');
    const body = card.body as Json[];
    expect(body.findIndex((n) => n.id === 'recidivePart')).toBe(body.findIndex((n) => n.id === 'keyFacts') + 1);
    expect(nodes(caseCard(caseInStatus('inProgress')), 'Container').find((n) => n.id === 'recidivePart')).toBeUndefined();
    expect(nodes(caseCard(caseInStatus('inProgress'), { viewer: 'readOnly', recidive: RECIDIVE }), 'Container').find((n) => n.id === 'recidivePart')).toBeUndefined();
  });

  it.each<[CaseSampleStep, string[]]>([
    ['submitted', [CASE_VERBS.take]],
    // The step for the state comes first (under the headline facts); the folded sections follow.
    ['inProgress', [CASE_VERBS.proposeMeasures, ...RESPONSE, ...CHECKLIST, ...MEETINGS]],
    ['measuresProposed', [...RESPONSE, ...CHECKLIST, ...MEETINGS]],
    ['sentBack', [CASE_VERBS.proposeMeasures, ...RESPONSE, ...CHECKLIST, ...MEETINGS]],
    ['measuresAgreed', [CASE_VERBS.approveMeasures, ...RESPONSE, ...CHECKLIST, ...MEETINGS]],
    // Approved, no response recorded yet, so no closing.
    // Restrictions approved: their written confirmation can be recorded (in the measures section).
    ['measuresApproved', [CASE_VERBS.recordRestrictionsConfirmed, ...RESPONSE, ...CHECKLIST, ...MEETINGS]],
    ['closed', []],
  ])('offers exactly the steps the domain allows when the case is %s', (step, expected) => {
    expect(verbs(caseCard(caseInStatus(step)))).toEqual(expected);
  });

  it('puts the case id, and only ids, into every button', () => {
    for (const step of caseSampleSteps()) {
      const c = caseInStatus(step);
      for (const action of executes(caseCard(c))) {
        expect((action.data as Json).caseId).toBe(c.id);
        expect(Object.keys(action.data as Json).every((key) => ['caseId', 'step', 'taskId', 'responseKind'].includes(key))).toBe(true);
      }
    }
  });

  it('lets the handler take a submitted case, and nothing else before that', () => {
    const card = caseCard(caseInStatus('submitted'));
    expect(execute(card, CASE_VERBS.take)).toEqual(expect.objectContaining({ title: 'Neem in behandeling', data: { caseId: caseInStatus('submitted').id } }));
    expect(readable(card)).toContain('Neem de zaak eerst in behandeling');
    expect(readable(card)).not.toContain('Gesprek plannen');
  });

  it('shows what happened, where and when, who reported it, level and kinds', () => {
    const text = readable(caseCard(caseInStatus('inProgress')));
    expect(text).toContain('WB-2026-00042');
    expect(text).toContain('Status: In behandeling');
    expect(text).toContain('Gemeld door: Anna de Vries (Wethouder, Gemeente Utrecht)');
    expect(text).toContain('Afhandelaar: In behandeling bij Bram Bakker sinds maandag 30 november 2026 om 10:30');
    expect(text).toContain('Niveau: 4 – Bedreiging of intimidatie');
    expect(text).toContain('Soort: Bedreiging, Intimidatie');
    expect(text).toContain('Wanneer: zondag 29 november 2026 om 20:30');
    expect(text).toContain('Waar: Raadhuisplein, na de raadsvergadering');
    expect(text).toContain('Een man schreeuwde dat hij wist waar ik woon en dat ik moest oppassen.');
    expect(text).toContain('Waarom (volgens de betrokkene)\nBoos over de parkeervergunning.');
  });

  it('shows an online incident by its channel', () => {
    const c = caseInStatus('inProgress', { report: { place: { mode: 'online', channel: 'socialeMedia', detail: 'X, account @boos' } } });
    expect(readable(caseCard(c))).toContain('Waar: Online: Bericht op sociale media (X, account @boos)');
  });

  it('summarises the perpetrator with the number of earlier cases in the organisation', () => {
    const first = readable(caseCard(caseInStatus('inProgress')));
    expect(first).toContain('Persoon, bekend bij de betrokkene');
    expect(first).toContain('Naam of account: Karel Klaassen');
    expect(first).toContain('Kenmerken: Groene jas, rond de 40');
    expect(first).toContain('Kenteken: 12-ABC-3');
    expect(first).toContain('Geen bevestigde eerdere zaken met deze pleger bij Gemeente Utrecht.');

    const repeat = caseCard(caseInStatus('inProgress'), { earlierCasesOfPerpetrator: 2 });
    const line = textBlocks(repeat).find((b) => String(b.text).includes('Recidive'));
    expect(line).toEqual(expect.objectContaining({ text: '⚠️ Recidive: deze pleger komt voor in 2 eerdere zaken bij Gemeente Utrecht.', color: 'Attention' }));
    expect(readable(caseCard(caseInStatus('inProgress'), { earlierCasesOfPerpetrator: 1 }))).toContain('in 1 eerdere zaak bij');

    const unknown = caseInStatus('inProgress', { report: { perpetrator: { known: false, type: 'groep' } } });
    expect(readable(caseCard(unknown, { earlierCasesOfPerpetrator: 0 }))).toContain('Niet na te gaan of deze pleger eerder voorkwam');
  });

  it('shows each deadline with the time left, and marks an overdue one', () => {
    const c = caseInStatus('inProgress');
    const onTime = caseCard(c); // Monday 11:00
    expect(readable(onTime)).toContain('Maatregelen treffen\nUiterlijk woensdag 2 december 2026 om 20:30\nnog 2 dagen en 9 uur');
    expect(readable(onTime)).toContain('Afspraak met de politie\nUiterlijk woensdag 2 december 2026 om 17:00\nnog 2 dagen en 6 uur');

    const late = caseCard(c, { now: new Date('2026-12-03T00:30:00Z') }); // Thursday 01:30
    const status = textBlocks(late).find((b) => String(b.text).startsWith('⚠️ Te laat: 5 uur te laat'));
    expect(status).toEqual(expect.objectContaining({ color: 'Attention', weight: 'Bolder' }));
    expect(readable(late)).toContain('⚠️ Te laat: 8 uur en 30 minuten te laat'); // police appointment, 17:00
    expect(readable(late)).not.toContain('nog ');
  });

  it('shows a deadline whose goal was reached as done, not as overdue', () => {
    const approved = caseInStatus('measuresApproved'); // approved at 12:00, police step 3 ticked at 12:10
    const text = readable(caseCard(approved, { now: new Date('2026-12-10T09:00:00Z') }));
    expect(text).toContain('Maatregelen treffen\nUiterlijk woensdag 2 december 2026 om 20:30\n✓ Gedaan op maandag 30 november 2026 om 12:00');
    expect(text).toContain('Afspraak met de politie\nUiterlijk woensdag 2 december 2026 om 17:00\n✓ Gedaan op maandag 30 november 2026 om 12:10');
    expect(text).toContain('Incidentgesprek met de pleger\nUiterlijk woensdag 2 december 2026 om 20:30\n⚠️ Te laat');
  });

  it('keeps every folding button short enough for a phone (Teams cuts a button title, it never wraps it)', () => {
    // About 36 characters of bold button text fit the 446 px card of Teams on a phone.
    const card = caseCard(caseInStatus('measuresApproved'));
    const titles = nodes(card, 'Action.ToggleVisibility').map((t) => String(t.title));
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (const title of titles) expect(title.length).toBeLessThanOrEqual(36);
  });

  it('shows the police checklist only when a criminal offence is suspected, folded, as one form', () => {
    const withPolice = caseCard(caseInStatus('inProgress'));
    expect(nodes(withPolice, 'Action.ToggleVisibility').map((t) => t.title)).toContain('Stappenplan politie (0 van 9 gedaan)');
    const toggles = nodes(withPolice, 'Input.Toggle');
    expect(toggles.map((t) => t.title)).toEqual(expect.arrayContaining(['1. Meld het incident intern', '9. Zorg voor nazorg vanuit de organisatie']));
    expect(toggles).toHaveLength(9);
    expect(nodes(withPolice, 'Container').find((n) => n.id === 'checklistBody')).toEqual(expect.objectContaining({ isVisible: false }));

    const noOffence = caseInStatus('inProgress', { report: { criminalOffenceSuspected: 'no', level: 3 } });
    const card = caseCard(noOffence);
    expect(readable(card)).not.toContain('Stappenplan');
    expect(verbs(card)).not.toContain(CASE_VERBS.saveChecklist);
  });

  it('ticks and unticks the checklist steps in one form with one "Opslaan"', () => {
    const approved = caseInStatus('measuresApproved');
    const card = caseCard(approved);
    expect(readable(card)).toContain('3 van de 9 stappen gedaan');
    const toggles = nodes(card, 'Input.Toggle');
    expect(toggles.map((t) => [t.id, t.value])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((step) => [`checklistStep${step}`, step <= 3 ? 'true' : 'false']));
    expect(execute(card, CASE_VERBS.saveChecklist)).toEqual(expect.objectContaining({ title: 'Opslaan', data: { caseId: approved.id } }));
    expect(verbs(card).filter((v) => v === CASE_VERBS.saveChecklist)).toHaveLength(1);
  });

  it('proposes measures from a suggestion proportional to the level, in one form that opens under the primary actions', () => {
    const card = caseCard(caseInStatus('inProgress'));
    const toggle = nodes(card, 'Action.ToggleVisibility').find((t) => t.title === 'Maatregelen voorstellen');
    expect(toggle).toEqual(expect.objectContaining({ targetElements: ['proposalForm'] }));
    const forms = nodes(card, 'Container').filter((n) => n.id === 'proposalForm');
    expect(forms).toHaveLength(1);
    const form = forms[0];
    expect(form.isVisible).toBe(false);
    expect(nodes(card, 'Action.ShowCard').filter((a) => a.title === 'Maatregelen voorstellen')).toEqual([]);
    const measures = input(form, CASE_INPUT_IDS.measures);
    expect(measures).toEqual(expect.objectContaining({ type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true }));
    // Level 4 with a suspected offence: a conversation rather than a warning, restrictions, the police, aftercare.
    expect(measures.value).toBe('restrictiveMeasures,combinedMeeting,policeReport,aftercare');
    expect((measures.choices as { title: string; value: string }[]).map((choice) => choice.value)).toEqual([
      'writtenWarning', 'incidentMeeting', 'restrictiveMeasures', 'restorationMeeting', 'combinedMeeting', 'policeReport', 'damageRecovery', 'aftercare',
    ]);
    expect(input(form, CASE_INPUT_IDS.measureDescription)).toEqual(expect.objectContaining({ type: 'Input.Text', maxLength: 2000 }));
    expect(input(form, CASE_INPUT_IDS.restrictionsEndOn)).toEqual(expect.objectContaining({ type: 'Input.Date', min: '2026-12-01', isRequired: true }));
    expect(execute(form, CASE_VERBS.proposeMeasures).data).toEqual({ caseId: caseInStatus('inProgress').id });
    expect(readable(form)).toContain('Suggestie op basis van niveau 4 – Bedreiging of intimidatie: Beperkende maatregelen / contactafspraken, Gecombineerd incident- en herstelgesprek, Melding of aangifte bij de politie, Nazorg.');
  });

  it('suggests a written warning for a first light case, and heavier measures for a repeat perpetrator', () => {
    const light = caseInStatus('inProgress', { report: { level: 2, criminalOffenceSuspected: 'no' } });
    expect(input(caseCard(light), CASE_INPUT_IDS.measures).value).toBe('writtenWarning,aftercare');
    const repeat = caseCard(light, { earlierCasesOfPerpetrator: 2 });
    expect(input(repeat, CASE_INPUT_IDS.measures).value).toBe('restrictiveMeasures,combinedMeeting,aftercare');
    expect(readable(repeat)).toContain('en recidive (zwaarder dan een waarschuwing)');
  });

  it('after a send-back, shows the office holder\'s comment and starts from the earlier proposal', () => {
    const card = caseCard(caseInStatus('sentBack'));
    expect(readable(card)).toContain('De betrokkene heeft het voorstel teruggestuurd.');
    expect(readable(card)).toContain('Reactie van de betrokkene\n"Liever eerst een gesprek, zonder beperkingen."');
    expect(input(card, CASE_INPUT_IDS.measures).value).toBe('combinedMeeting,restrictiveMeasures,aftercare');
  });

  it('lists the proposed measures, with the end date of restrictions and the explanation', () => {
    const text = readable(caseCard(caseInStatus('measuresProposed')));
    expect(text).toContain('Voorgesteld op maandag 30 november 2026 om 11:00; wacht op de reactie van de betrokkene.');
    expect(text).toContain('Beperkende maatregelen / contactafspraken\nTot en met maandag 21 december 2026\nContact alleen via het algemene nummer.');
    expect(text).toContain('Gecombineerd incident- en herstelgesprek\nGesprek met de gemeentesecretaris en de bode.');
  });

  it('lets the handler approve only once the office holder agreed', () => {
    const agreed = caseCard(caseInStatus('measuresAgreed'));
    expect(execute(agreed, CASE_VERBS.approveMeasures)).toEqual(expect.objectContaining({ title: 'Maatregelen vaststellen' }));
    expect(readable(agreed)).toContain('De betrokkene is akkoord. Stel de maatregelen vast.');
  });

  it('records the response towards the perpetrator, or why there was none, in two forms', () => {
    const card = caseCard(caseInStatus('measuresApproved'));
    const given = showCard(card, 'Reactie vastleggen');
    expect(input(given, CASE_INPUT_IDS.responseSummary)).toEqual(expect.objectContaining({ isRequired: true, isMultiline: true, maxLength: 2000 }));
    expect(execute(given, CASE_VERBS.recordResponse).data).toEqual({ caseId: caseInStatus('measuresApproved').id, responseKind: 'given' });
    const none = showCard(card, 'Geen reactie mogelijk');
    const reason = input(none, CASE_INPUT_IDS.noResponseReason);
    expect((reason.choices as { title: string; value: string }[])).toEqual([{ title: 'Pleger onbekend', value: 'perpetratorUnknown' }, { title: 'Andere reden', value: 'other' }]);
    expect(input(none, CASE_INPUT_IDS.noResponseExplanation).isRequired).toBeUndefined();
    expect(execute(none, CASE_VERBS.recordResponse).data).toEqual({ caseId: caseInStatus('measuresApproved').id, responseKind: 'notPossible' });
    expect(readable(card)).toContain('Leg eerst de reactie richting de pleger vast');
  });

  it('closes with the four evaluation questions once a response is recorded after approved measures', () => {
    const approved = caseInStatus('measuresApproved');
    const responded = recordPerpetratorResponse(approved, { kind: 'given', summary: 'Brief gestuurd.' }, HANDLER, caseSampleTime(150)).case;
    const card = caseCard(responded);
    expect(readable(card)).toContain('Gereageerd (vastgelegd op maandag 30 november 2026 om 12:30): Brief gestuurd.');
    expect(showCard(card, 'Reactie wijzigen')).toBeDefined();
    const form = showCard(card, 'Afsluiten met evaluatie');
    for (const question of EVALUATION_QUESTIONS) {
      expect(input(form, question)).toEqual(expect.objectContaining({ type: 'Input.Text', isRequired: true, maxLength: 2000 }));
    }
    expect(readable(form)).toContain('Risicotaxatie: Hoe ernstig is het incident en wat is het risico op herhaling?');
    expect(execute(form, CASE_VERBS.close).data).toEqual({ caseId: responded.id });
  });

  it('closes without measures only when it is recorded that no response was possible', () => {
    const taken = caseInStatus('inProgress');
    const given = recordPerpetratorResponse(taken, { kind: 'given', summary: 'Mondeling aangesproken.' }, HANDLER, caseSampleTime(40)).case;
    expect(verbs(caseCard(given))).not.toContain(CASE_VERBS.close);
    const none = recordPerpetratorResponse(taken, { kind: 'notPossible', reason: 'perpetratorUnknown' }, HANDLER, caseSampleTime(40)).case;
    expect(verbs(caseCard(none))).toContain(CASE_VERBS.close);
    expect(readable(caseCard(none))).toContain('Geen reactie mogelijk (vastgelegd op maandag 30 november 2026 om 10:40): Pleger onbekend');
  });

  it('records a meeting held with its kind, date and time, and offers to plan one', () => {
    const c = caseWithIncidentMeeting();
    const card = caseCard(c);
    expect(execute(card, CASE_VERBS.planMeeting)).toEqual(expect.objectContaining({ title: 'Gesprek plannen', data: { caseId: c.id } }));
    const form = showCard(card, 'Gevoerd gesprek vastleggen');
    expect((input(form, CASE_INPUT_IDS.meetingKind).choices as { value: string }[]).map((choice) => choice.value)).toEqual(['incidentMeeting', 'restorationMeeting', 'combinedMeeting']);
    expect(input(form, CASE_INPUT_IDS.heldOn)).toEqual(expect.objectContaining({ type: 'Input.Date', isRequired: true, min: '2026-11-29', max: '2026-11-30' }));
    expect(input(form, CASE_INPUT_IDS.heldAt)).toEqual(expect.objectContaining({ type: 'Input.Time', isRequired: true }));
    expect(execute(form, CASE_VERBS.recordMeetingHeld).data).toEqual({ caseId: c.id });

    const held = recordMeetingHeld(c, 'incidentMeeting', HANDLER, caseSampleTime(45), caseSampleTime(50)).case;
    const after = readable(caseCard(held));
    expect(after).toContain('Incidentgesprek gevoerd op 30-11-2026 10:45');
    expect(after).toContain('Incidentgesprek met de pleger\nUiterlijk woensdag 2 december 2026 om 20:30\n✓ Gedaan op maandag 30 november 2026 om 10:45');
  });

  it('shows the incidentgesprek deadline only once an incidentgesprek is proposed for a known perpetrator', () => {
    expect(readable(caseCard(caseInStatus('inProgress')))).not.toContain('Incidentgesprek met de pleger');
    expect(readable(caseCard(caseInStatus('measuresProposed', { proposal: [{ kind: 'writtenWarning' }] })))).not.toContain('Incidentgesprek met de pleger');
    expect(readable(caseCard(caseWithIncidentMeeting()))).toContain('Incidentgesprek met de pleger\nUiterlijk woensdag 2 december 2026 om 20:30');
  });

  it('says calmly when a police deadline was counted without the decree days of a year not yet known', () => {
    const c = caseAcrossUncoveredNewYear();
    const text = readable(caseCard(c, { now: new Date('2028-12-28T10:00:00Z') }));
    expect(text).toContain(
      'Afspraak met de politie\nUiterlijk dinsdag 2 januari 2029 om 17:00\nnog 5 dagen en 6 uur\nVoor 2029 zijn de bij besluit gelijkgestelde feestdagen (zoals de vrijdag na Hemelvaart) nog niet bekend. Deze termijn is zonder die dagen berekend en valt daardoor misschien een werkdag te vroeg.',
    );
    // Only that deadline: the 72 hours of the measures are no working days.
    expect(text.match(/nog niet bekend/g)).toHaveLength(1);
    expect(readable(caseCard(caseInStatus('inProgress')))).not.toContain('nog niet bekend');
  });

  it('asks to warn the Arbeidsinspectie for an injury until it is recorded', () => {
    const injured = caseInStatus('inProgress', { report: { injury: ['physical'] } });
    const card = caseCard(injured);
    expect(readable(card)).toContain('Er is letsel gemeld: waarschuw de Arbeidsinspectie binnen 24 uur');
    expect(execute(card, CASE_VERBS.recordInspectorateWarned)).toEqual(expect.objectContaining({ title: 'Arbeidsinspectie is gewaarschuwd', data: { caseId: injured.id } }));

    const warned = caseCard(recordLabourInspectorateWarned(injured, HANDLER, caseSampleTime(50)).case);
    expect(verbs(warned)).not.toContain(CASE_VERBS.recordInspectorateWarned);
    expect(readable(warned)).toContain('✓ De Arbeidsinspectie is gewaarschuwd (vastgelegd op maandag 30 november 2026 om 10:50).');
    expect(readable(caseCard(caseInStatus('inProgress')))).not.toContain('Arbeidsinspectie');
  });

  it('lists the task to inform the Minister of BZK and completes it', () => {
    const cdk = caseInStatus('inProgress', { role: 'commissarisVanDeKoning', organisationId: 'provincie-utrecht' });
    const card = caseCard(cdk);
    expect(readable(card)).toContain('Informeer de Minister van Binnenlandse Zaken en Koninkrijksrelaties');
    expect(execute(card, CASE_VERBS.completeTask)).toEqual(expect.objectContaining({ title: 'Gedaan', data: { caseId: cdk.id, taskId: 'task-1' } }));
    const done = caseCard(completeTask(cdk, 'task-1', HANDLER, caseSampleTime(40)).case);
    expect(verbs(done)).not.toContain(CASE_VERBS.completeTask);
    expect(readable(done)).toContain('✓ Gedaan op 30-11-2026 10:40');
  });

  it('shows "Geschiedenis", folded: who did what and when, by name, never the free text', () => {
    const card = caseCard(caseInStatus('sentBack'));
    const text = readable(card);
    expect(text).toContain('Geschiedenis (4)');
    expect(text).toContain('30-11-2026 10:00 · Gemeld · Anna de Vries');
    expect(text).toContain('30-11-2026 10:30 · In behandeling genomen · Bram Bakker');
    expect(text).toContain('30-11-2026 11:00 · Maatregelen voorgesteld · Bram Bakker');
    expect(text).toContain('30-11-2026 11:30 · Voorstel teruggestuurd · Anna de Vries');
    expect(text).not.toContain('Liever eerst een gesprek, zonder beperkingen.\n30-11');
    expect(nodes(card, 'Container').find((n) => n.id === 'historyBody')).toEqual(expect.objectContaining({ isVisible: false }));
    expect(readable(caseCard(caseInStatus('sentBack'), { handlerName: undefined }))).toContain('In behandeling genomen · Een afhandelaar');
  });

  it('shows only the newest changes of a long history', () => {
    const card = caseCard(caseAtMaxLength('measuresApproved'));
    expect(readable(card)).toMatch(/en \d+ eerdere wijzigingen/);
  });

  it('shows the evaluation and the approved measures of a closed case, without any buttons', () => {
    const card = caseCard(caseInStatus('closed'));
    expect(executes(card)).toEqual([]);
    expect(nodes(card, /^Input\./)).toEqual([]);
    const text = readable(card);
    expect(text).toContain('Status: Afgesloten');
    expect(text).toContain('Risicotaxatie\nErnstig; herhaling is niet uitgesloten.');
    expect(text).toContain('Vastgestelde maatregelen:');
    expect(text).toContain('Incidentgesprek met de pleger\nUiterlijk woensdag 2 december 2026 om 20:30\nNiet vastgelegd voor het afsluiten');
    expect(readable(caseCard(caseClosedWithoutMeasures()))).toContain('Er zijn geen maatregelen vastgesteld.');
  });

  it('shows a notice on top', () => {
    const card = caseCard(caseInStatus('inProgress'), { notice: 'Iemand anders heeft deze zaak net bijgewerkt; dit is de actuele stand.' });
    const first = (card.body as Json[])[0];
    expect(first).toEqual(expect.objectContaining({ type: 'Container', style: 'warning' }));
    expect(readable(first)).toBe('Iemand anders heeft deze zaak net bijgewerkt; dit is de actuele stand.');
  });
});

describe('case card, read-only view', () => {
  const notice = 'Je bent geen afhandelaar van deze zaak; je ziet alleen de stand van zaken.';

  it.each(caseSampleSteps())('shows only need-to-know facts and no buttons when the case is %s', (step) => {
    const c = caseInStatus(step, { report: { injury: ['physical'] } });
    const viewModel = caseCardViewModel(c, handlerOptions({ viewer: 'readOnly', notice }));
    const card = render(CASE_CARD_NAMES.caseCard, viewModel);
    // One button only: open the case, which shows each person the view they are entitled to.
    expect(executes(card).map((a) => (a as Json).verb)).toEqual([CASE_VERBS.refresh]);
    expect(nodes(card, /^Input\./)).toEqual([]);
    expect(nodes(card, 'Action.ShowCard')).toEqual([]);
    const text = readable(card);
    expect(text).toContain(notice);
    expect(text).toContain('WB-2026-00042');
    expect(text).toContain('Organisatie: Gemeente Utrecht');
    expect(text).toContain('Niveau: 4 – Bedreiging of intimidatie');
    expect(text).toMatch(/Termijnen: (Lopen nog|⚠️ Er is een termijn verstreken|Afgerond)/);
    // Deadline names and times would betray an injury (Arbeidsinspectie), a suspected crime (politie) and the incident time.
    expect(text).not.toMatch(/Maatregelen treffen|Arbeidsinspectie|politie|Uiterlijk/i);
    // Neither the card nor the data behind it carries personal details.
    const everything = JSON.stringify(viewModel) + JSON.stringify(card);
    for (const secret of ['Anna de Vries', 'Karel Klaassen', '12-ABC-3', 'Groene jas', 'schreeuwde', 'Raadhuisplein', 'parkeervergunning', 'De bode', INJURY_LABELS.physical, 'Liever eerst een gesprek']) {
      expect(everything).not.toContain(secret);
    }
    // The refresh still works, so a handler who opens it gets their own view.
    expect((card.refresh as Json).action).toEqual({ type: 'Action.Execute', title: 'Vernieuwen', verb: CASE_VERBS.refresh, data: { caseId: c.id } });
  });

  it('tells the office holder, in the channel, where to follow their own report', () => {
    const card = render(CASE_CARD_NAMES.caseCard, caseCardViewModel(caseInStatus('inProgress'), handlerOptions({ viewer: 'officeHolder' })));
    expect(executes(card).map((a) => (a as Json).verb)).toEqual([CASE_VERBS.refresh]);
    expect(readable(card)).toContain('Dit is je eigen melding. De voortgang volg je in je chat met de bot.');
    expect(readable(card)).not.toContain('Karel Klaassen');
  });
});

describe('refresh', () => {
  it('refreshes the card with case.refresh for the given Teams users, without duplicates and at most 60', () => {
    const c = caseInStatus('inProgress');
    const card = caseCard(c, { refreshUserIds: ['29:bram', '29:bram', '', '29:carla'] });
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Vernieuwen', verb: 'case.refresh', data: { caseId: c.id } },
      userIds: ['29:bram', '29:carla'],
    });
    const many = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    expect((caseCard(c, { refreshUserIds: many }).refresh as Json).userIds).toEqual(many.slice(0, REFRESH_USER_IDS_MAX));
    expect((caseCard(c, { refreshUserIds: [] }).refresh as Json).userIds).toEqual([]);
    const progress = render(CASE_CARD_NAMES.progress, caseProgressViewModel(c, { now: NOW, refreshUserIds: ['29:anna'] }));
    expect(progress.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Vernieuwen', verb: 'case.refresh', data: { caseId: c.id } }, userIds: ['29:anna'] });
  });
});

describe('hostile text', () => {
  it('stays inert on every card and in every status', () => {
    const hostile = (length: number): string => HOSTILE.repeat(Math.ceil(length / HOSTILE.length)).slice(0, length);
    for (const step of caseSampleSteps()) {
      const c = caseAtMaxLength(step, hostile);
      const options = handlerOptions({ handlerName: HOSTILE, notice: HOSTILE });
      expectInert(render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, options)));
      expectInert(render(CASE_CARD_NAMES.progress, caseProgressViewModel(c, { now: NOW, refreshUserIds: [], notice: HOSTILE })));
      expectInert(render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(c, { now: NOW })));
      expectInert(render(CASE_CARD_NAMES.informedNotice, informedNoticeViewModel(c, { recipientRole: 'statengriffier' })));
    }
    expectInert(render(CASE_CARD_NAMES.error, caseErrorViewModel(HOSTILE, { caseId: 'c0ffee00-0000-4000-8000-000000000001' })));
  });

  it('is shown literally, not dropped', () => {
    const c = caseInStatus('inProgress', { report: { description: 'Hij riep **dood** en [link](https://x.example)' } });
    expect(readable(caseCard(c))).toContain('Hij riep ∗∗dood∗∗ en [link]');
  });
});

describe('card size', () => {
  const fillers: [string, (length: number) => string][] = [
    ['plain text', (n) => 'lorem ipsum dolor sit amet '.repeat(n).slice(0, n)],
    ['markup to escape', (n) => HOSTILE.repeat(Math.ceil(n / HOSTILE.length)).slice(0, n)],
    ['three-byte characters', (n) => '∗'.repeat(n)],
  ];
  // Teams user ids are about 90 characters; 60 is the most the card refreshes automatically.
  const sixtyIds = Array.from({ length: 60 }, (_, i) => `29:1${'a'.repeat(86)}${String(i).padStart(2, '0')}`);

  it.each(fillers)('stays under Teams\' 28 KB with every field at its maximum (%s), in every status and view', (_label, filler) => {
    for (const step of caseSampleSteps()) {
      const c = caseAtMaxLength(step, filler);
      const views = [
        render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, handlerOptions({ refreshUserIds: sixtyIds, handlerName: filler(200), notice: filler(500), earlierCasesOfPerpetrator: 4, recidive: RECIDIVE }))),
        render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, handlerOptions({ viewer: 'readOnly', refreshUserIds: sixtyIds, notice: filler(500) }))),
        render(CASE_CARD_NAMES.progress, caseProgressViewModel(c, { now: NOW, refreshUserIds: sixtyIds, notice: filler(500) })),
        render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(c, { now: NOW })),
        render(CASE_CARD_NAMES.informedNotice, informedNoticeViewModel(c, { recipientRole: 'statengriffier' })),
      ];
      // A kilobyte is left for the activity around the card.
      for (const card of views) expect(bytes(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES - 1024);
    }
  });

  it('keeps the full description of an ordinary long report', () => {
    const description = 'Hij stond bij de uitgang te wachten en riep dat hij me zou vinden. '.repeat(17).trim(); // ~1150 characters
    const c = caseInStatus('inProgress', { report: { description } });
    expect(readable(caseCard(c))).toContain(description);
  });
});

describe('progress card for the office holder', () => {
  it.each<[CaseSampleStep, string]>([
    ['submitted', 'Je melding wacht tot de gemeentesecretaris van Gemeente Utrecht hem in behandeling neemt.'],
    ['inProgress', 'De afhandelaar werkt aan je melding en stelt maatregelen voor.'],
    ['measuresProposed', 'Er ligt een voorstel voor maatregelen voor je klaar in deze chat.'],
    ['sentBack', 'Je hebt op het voorstel gereageerd. De afhandelaar past het aan'],
    ['measuresAgreed', 'Je bent akkoord met de maatregelen. De afhandelaar stelt ze nu vast.'],
    ['measuresApproved', 'De maatregelen zijn vastgesteld.'],
    ['closed', 'Je melding is afgesloten en geëvalueerd.'],
  ])('says what happens next when the case is %s, and offers no buttons', (step, next) => {
    const card = render(CASE_CARD_NAMES.progress, caseProgressViewModel(caseInStatus(step), { now: NOW, refreshUserIds: ['29:anna'] }));
    expect(readable(card)).toContain(next);
    expect(executes(card)).toEqual([]);
  });

  it('shows status, deadlines, the agreed measures and coarse police progress, but no handler internals', () => {
    const approved = caseInStatus('measuresApproved');
    const card = render(CASE_CARD_NAMES.progress, caseProgressViewModel(approved, { now: NOW, refreshUserIds: [], notice: 'De maatregelen zijn vastgesteld.' }));
    const text = readable(card);
    expect(text).toContain('De maatregelen zijn vastgesteld.');
    expect(text).toContain('Status: Maatregelen vastgesteld');
    expect(text).toContain('Afhandelaar: De gemeentesecretaris van Gemeente Utrecht');
    expect(text).toContain('Vastgestelde maatregelen\nGecombineerd incident- en herstelgesprek');
    expect(text).toContain('Beperkende maatregelen / contactafspraken\nTot en met maandag 21 december 2026');
    expect(text).toContain('Politie: de afhandelaar heeft een afspraak met de politie gemaakt.');
    expect(text).toContain('Maatregelen treffen\nUiterlijk woensdag 2 december 2026 om 20:30\n✓ Gedaan op maandag 30 november 2026 om 12:00');
    expect(text).toContain('Vertrouwenslijn politieke ambtsdragers: 088 5543 288');
    for (const internal of ['Stappenplan', 'Afvinken', 'Karel Klaassen', 'eerdere zaken', 'Statusgeschiedenis']) expect(text).not.toContain(internal);
  });

  it('tells the office holder too when a deadline was counted without a year\'s decree days', () => {
    const card = render(CASE_CARD_NAMES.progress, caseProgressViewModel(caseAcrossUncoveredNewYear(), { now: new Date('2028-12-28T10:00:00Z'), refreshUserIds: [] }));
    expect(readable(card)).toContain('Uiterlijk dinsdag 2 januari 2029 om 17:00');
    expect(readable(card)).toContain('Voor 2029 zijn de bij besluit gelijkgestelde feestdagen (zoals de vrijdag na Hemelvaart) nog niet bekend.');
  });

  it('tells the office holder the police step progressed without showing the checklist', () => {
    const started = caseInStatus('inProgress');
    const progress = (c: Case): string => readable(render(CASE_CARD_NAMES.progress, caseProgressViewModel(c, { now: NOW, refreshUserIds: [] })));
    expect(progress(started)).toContain('Politie: de afhandelaar maakt een afspraak met de politie. Je hoeft zelf geen aangifte te doen.');
    const reported = tickChecklistStep(started, 4, HANDLER, caseSampleTime(40)).case;
    expect(progress(reported)).toContain('Politie: de melding of aangifte is gedaan door de afhandelaar.');
    expect(progress(caseInStatus('inProgress', { report: { criminalOffenceSuspected: 'no' } }))).not.toContain('Politie');
  });

  it('shows the office holder a passed deadline as one calm line, never red or "te laat"', () => {
    const late = render(CASE_CARD_NAMES.progress, caseProgressViewModel(caseInStatus('inProgress'), { now: new Date('2026-12-03T00:30:00Z'), refreshUserIds: [] }));
    expect(readable(late)).not.toMatch(/te laat|⚠/i);
    expect(textBlocks(late).filter((b) => b.color === 'Attention')).toEqual([]);
    expect(readable(late).match(/Je melding krijgt voorrang\./g)).toHaveLength(1);
    // The handler's card keeps the red deadline.
    expect(readable(caseCard(caseInStatus('inProgress'), { now: new Date('2026-12-03T00:30:00Z') }))).toContain('⚠️ Te laat: 5 uur te laat');
    // In time, no such line.
    expect(readable(render(CASE_CARD_NAMES.progress, caseProgressViewModel(caseInStatus('inProgress'), { now: NOW, refreshUserIds: [] })))).not.toContain('voorrang');
  });

  it('shows a late proposal without red or "te laat", with the priority line', () => {
    const late = render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(caseInStatus('measuresProposed'), { now: new Date('2026-12-03T00:30:00Z') }));
    expect(readable(late)).not.toMatch(/te laat|⚠/i);
    expect(textBlocks(late).filter((b) => b.color === 'Attention')).toEqual([]);
    expect(readable(late)).toContain('Je melding krijgt voorrang.');
    expect(readable(render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(caseInStatus('measuresProposed'), { now: NOW })))).not.toContain('voorrang');
  });

  it('names the handler who took the case, by name and role; the desk before it is taken or when the name is unknown', () => {
    const progress = (c: Case, handlerName?: string): string => readable(render(CASE_CARD_NAMES.progress, caseProgressViewModel(c, { now: NOW, refreshUserIds: [], handlerName })));
    const taken = caseInStatus('inProgress');
    expect(progress(taken, 'Peter Jansen')).toContain('Afhandelaar: Peter Jansen, gemeentesecretaris van Utrecht');
    expect(progress(taken, 'Peter Jansen')).toContain('Peter Jansen, gemeentesecretaris van Utrecht werkt aan je melding');
    expect(progress(taken)).toContain('Afhandelaar: De gemeentesecretaris van Gemeente Utrecht');
    expect(progress(caseInStatus('submitted'), 'Peter Jansen')).not.toContain('Peter Jansen');
    expect(caseTakenMessage(taken, 'Peter Jansen')).toMatch(/^Peter Jansen, gemeentesecretaris van Utrecht, heeft je melding WB-\d{4}-\d{5} in behandeling genomen\./);
    expect(caseTakenMessage(taken, undefined)).toMatch(/^De gemeentesecretaris van Gemeente Utrecht heeft je melding/);
  });

  it('shows when the case was closed', () => {
    expect(readable(render(CASE_CARD_NAMES.progress, caseProgressViewModel(caseInStatus('closed'), { now: NOW, refreshUserIds: [] }))))
      .toContain('Afgesloten op: maandag 30 november 2026 om 13:00');
  });
});

describe('measures proposal for the office holder', () => {
  it('lets the office holder agree, or answer with a comment', () => {
    const c = caseInStatus('measuresProposed');
    const card = render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(c, { now: NOW }));
    const text = readable(card);
    expect(text).toContain('Voorstel voor maatregelen');
    expect(text).toContain('De gemeentesecretaris van Gemeente Utrecht stelt op maandag 30 november 2026 om 11:00 de volgende maatregelen voor');
    expect(text).toContain('Beperkende maatregelen / contactafspraken\nTot en met maandag 21 december 2026\nContact alleen via het algemene nummer.');
    expect(text).toContain('Maatregelen treffen\nUiterlijk woensdag 2 december 2026 om 20:30');
    expect(verbs(card)).toEqual([CASE_VERBS.agreeMeasures, CASE_VERBS.sendBackMeasures]);
    expect(execute(card, CASE_VERBS.agreeMeasures)).toEqual(expect.objectContaining({ title: 'Akkoord', data: { caseId: c.id, round: 1 } }));
    const answer = showCard(card, 'Reageren');
    expect(input(answer, CASE_INPUT_IDS.comment)).toEqual(expect.objectContaining({ type: 'Input.Text', isRequired: true, isMultiline: true, maxLength: 2000 }));
    expect(execute(answer, CASE_VERBS.sendBackMeasures).data).toEqual({ caseId: c.id, round: 1 });
    // No handler internals reach the office holder's chat.
    expect(text).not.toContain('Stappenplan');
  });

  it.each<[CaseSampleStep, string]>([
    ['measuresAgreed', '✓ Je bent akkoord gegaan op maandag 30 november 2026 om 11:30.'],
    ['sentBack', 'Je hebt op dit voorstel gereageerd.'],
    ['measuresApproved', '✓ De afhandelaar heeft de maatregelen vastgesteld.'],
    ['closed', 'Deze melding is afgesloten.'],
  ])('once answered (%s), shows where it stands without buttons', (step, state) => {
    const card = render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(caseInStatus(step), { now: NOW }));
    expect(readable(card)).toContain(state);
    expect(executes(card)).toEqual([]);
    expect(nodes(card, 'Action.ShowCard')).toEqual([]);
  });

  it('shows an explanation shared by all measures once', () => {
    const shared = 'Zo besproken met de burgemeester.';
    const c = caseInStatus('measuresProposed', { proposal: [{ kind: 'writtenWarning', description: shared }, { kind: 'aftercare', description: shared }] });
    const text = readable(render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(c, { now: NOW })));
    expect(text.split(shared)).toHaveLength(2);
    expect(text).toContain(`Toelichting: ${shared}`);
  });

  it('shows the whole explanation the office holder agrees to', () => {
    const long = 'Contact verloopt alleen via de griffie en nooit rechtstreeks met de wethouder. '.repeat(25).trim(); // ~2000 characters
    const c = caseInStatus('measuresProposed', { proposal: [{ kind: 'incidentMeeting', description: long }, { kind: 'aftercare', description: long }] });
    expect(readable(render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(c, { now: NOW })))).toContain(long);
  });
});

describe('notice to informed parties', () => {
  it('says who is affected by office, where, when, how serious and who handles it', () => {
    const card = render(CASE_CARD_NAMES.informedNotice, informedNoticeViewModel(caseInStatus('submitted'), { recipientRole: 'burgemeester' }));
    const text = readable(card);
    expect(text).toContain('Als burgemeester word je geïnformeerd over een incident tegen een wethouder van Gemeente Utrecht.');
    expect(text).toContain('Zaaknummer: WB-2026-00042');
    expect(text).toContain('Betrokkene: Wethouder, Gemeente Utrecht');
    expect(text).toContain('Datum incident: zondag 29 november 2026');
    expect(text).toContain('Niveau: 4 – Bedreiging of intimidatie');
    expect(text).toContain('Afhandelaar: Gemeentesecretaris, Gemeente Utrecht');
    expect(nodes(card, /^Action\./)).toEqual([]);
    expect(card.refresh).toBeUndefined();
  });

  it('leaks nothing about the perpetrator, the injuries or what happened', () => {
    const c = caseInStatus('measuresApproved', { report: { injury: ['physical', 'mental', 'hospital', 'lasting', 'death'], damage: { propertyDamage: true, absenceFromWork: true, description: 'Ruit ingegooid' }, aftercareWishes: 'Gesprek met een psycholoog' } });
    const viewModel = informedNoticeViewModel(c, { recipientRole: 'burgemeester' });
    const everything = JSON.stringify(viewModel) + JSON.stringify(render(CASE_CARD_NAMES.informedNotice, viewModel));
    const secrets = [
      'Anna de Vries', 'Karel Klaassen', '12-ABC-3', 'Groene jas', 'Persoon', 'schreeuwde', 'Raadhuisplein', 'parkeervergunning', 'De bode',
      'Ruit ingegooid', 'psycholoog', 'letsel', 'Letsel', 'Bedreiging, Intimidatie', 'Contact alleen via', 'recidive', 'Recidive',
      ...Object.values(INJURY_LABELS),
    ];
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('says "de" for an office only one person holds', () => {
    const cdk = caseInStatus('submitted', { role: 'commissarisVanDeKoning', organisationId: 'provincie-utrecht' });
    expect(readable(render(CASE_CARD_NAMES.informedNotice, informedNoticeViewModel(cdk, { recipientRole: 'statengriffier' }))))
      .toContain('Als statengriffier word je geïnformeerd over een incident tegen de commissaris van de Koning van Provincie Utrecht.');
  });
});

describe('error card', () => {
  it('explains in Dutch and reloads the case', () => {
    const card = render(CASE_CARD_NAMES.error, caseErrorViewModel('Deze zaak is al door een afhandelaar opgepakt.', { caseId: 'c0ffee00-0000-4000-8000-000000000001' }));
    expect(readable(card)).toContain('Dat lukte niet\nDeze zaak is al door een afhandelaar opgepakt.');
    expect(execute(card, CASE_VERBS.refresh)).toEqual(expect.objectContaining({ title: 'Opnieuw laden', data: { caseId: 'c0ffee00-0000-4000-8000-000000000001' } }));
  });

  it('has no button without a case, and never shows an empty message', () => {
    const card = render(CASE_CARD_NAMES.error, caseErrorViewModel('  '));
    expect(executes(card)).toEqual([]);
    expect(readable(card)).toContain('Er ging iets mis. Probeer het later opnieuw.');
  });
});

describe('the contract with the action handlers', () => {
  const templates = Object.values(CASE_CARD_NAMES).map((name) => readFileSync(join(__dirname, '..', '..', 'cards', `${name}.json`), 'utf8'));

  it('uses exactly the verbs in CASE_VERBS, every one of them', () => {
    const used = new Set(templates.flatMap((t) => [...t.matchAll(/"verb": "([^"]+)"/g)].map((m) => m[1])));
    // The one-button-per-step verbs stay handled for cards posted before the checklist became one form.
    const legacy: string[] = [CASE_VERBS.tickChecklistStep, CASE_VERBS.untickChecklistStep];
    expect([...used].sort()).toEqual(Object.values(CASE_VERBS).filter((v) => !legacy.includes(v)).sort());
  });

  it('uses exactly the input ids in CASE_INPUT_IDS (the evaluation ids come from EVALUATION_QUESTIONS)', () => {
    const ids = new Set<string>();
    const c = recordPerpetratorResponse(caseInStatus('measuresApproved'), { kind: 'given', summary: 'Brief.' }, HANDLER, caseSampleTime(150)).case;
    for (const card of [
      caseCard(c),
      caseCard(caseInStatus('inProgress')),
      render(CASE_CARD_NAMES.measuresProposal, measuresProposalViewModel(caseInStatus('measuresProposed'), { now: NOW })),
      // The follow-up forms: after the combined meeting (verslag, restrictions), with a person to add, with damage reported.
      caseCard(recordMeetingHeld(c, 'combinedMeeting', HANDLER, caseSampleTime(160), caseSampleTime(170)).case, {
        informed: { current: [], candidates: [{ aadObjectId: 'aad-griffier', name: 'Griffier', role: 'griffier', organisationId: c.organisationId }] },
      }),
      caseCard({ ...caseInStatus('inProgress'), report: { ...c.report, damage: { propertyDamage: true, absenceFromWork: false } } }),
    ]) {
      for (const i of nodes(card, /^Input\./)) ids.add(String(i.id));
    }
    // The police record form, once the melding or aangifte is made (step 4).
    const reported = tickChecklistStep(caseInStatus('inProgress'), 4, HANDLER, caseSampleTime(100)).case;
    for (const i of nodes(caseCard(reported), /^Input\./)) ids.add(String(i.id));
    // One toggle per checklist step and one field per missing W: ids built from a prefix the handler knows.
    const prefixed = [...ids].filter((id) => id.startsWith(CHECKLIST_INPUT_PREFIX) || id.startsWith(POLICE_FACT_INPUT_PREFIX));
    expect(prefixed.length).toBeGreaterThan(9);
    for (const id of prefixed) ids.delete(id);
    expect([...ids].sort()).toEqual(Object.values(CASE_INPUT_IDS).sort());
    expect(EVALUATION_QUESTIONS.every((q) => (CASE_INPUT_IDS as Record<string, string>)[q] === q)).toBe(true);
  });
});
