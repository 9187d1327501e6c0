import { isDomainError } from '../../../src/domain/errors';
import {
  intakeDraftSchema,
  isComplete,
  markSubmitted,
  cancelIntake,
  startIntake,
  toIncidentReport,
  type IntakeDraft,
  type IntakeStepId,
} from '../../../src/domain/intake';
import {
  answer,
  currentPrompt,
  editStep,
  progress,
  summarise,
  type IntakeContext,
  type IntakeInput,
  type IntakeResult,
} from '../../../src/dialogue/intake';
import { incidentReportSchema, type EvidenceFile, type IncidentReport } from '../../../src/domain/report';
import type { OfficeHolderRole } from '../../../src/domain/roles';

// Thursday 12 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date('2026-11-12T09:00:00Z');
const LATER = new Date('2026-11-12T09:07:00Z');
const ALLOWED = [
  'provincie-utrecht', 'gemeente-zeist', 'gemeente-utrecht', 'gemeente-utrechtse-heuvelrug',
  'hdsr', 'waterschap-vallei-en-veluwe', 'waterschap-rivierenland',
];
const CTX: IntakeContext = { now: NOW, allowedOrganisationIds: ALLOWED };
const CTX_LATER: IntakeContext = { now: LATER, allowedOrganisationIds: ALLOWED };
const HOLDER = { aadObjectId: '6f1c2f4e-0000-4000-8000-000000000001', name: 'Sam de Vries' };

const text = (typed: string): IntakeInput => ({ kind: 'text', text: typed });
const form = (values: Record<string, unknown>): IntakeInput => ({ kind: 'form', values });
const files = (...sent: EvidenceFile[]): IntakeInput => ({ kind: 'files', files: sent });
const removeAddress: IntakeInput = { kind: 'addressChoice', remove: true };
const keepAddress: IntakeInput = { kind: 'addressChoice', remove: false };

function evidenceFile(n: number): EvidenceFile {
  return { fileName: `bewijs-${n}.png`, contentType: 'image/png', sizeBytes: 1000 + n, sha256: n.toString(16).padStart(64, '0'), blobName: `intake-1/${n}.png` };
}

/** One accepted input; fails the test with the Dutch refusal otherwise. */
function accept(draft: IntakeDraft, input: IntakeInput, ctx = CTX): IntakeDraft {
  const result = answer(draft, input, ctx);
  if (!result.ok) throw new Error(`refused at ${draft.current}: ${result.error}`);
  return result.draft;
}

function refusal(result: IntakeResult): string {
  if (result.ok) throw new Error(`accepted; now at ${result.draft.current}`);
  return result.error;
}

/** The answers of one complete report, by question. */
const HAPPY: Readonly<Record<IntakeStepId, readonly IntakeInput[]>> = {
  safety: [text('ja')],
  who: [form({ role: 'wethouder', organisationId: 'gemeente-zeist' })],
  when: [text('gisteren 21:30')],
  where: [text('bij het gemeentehuis')],
  what: [form({ description: 'Een man schreeuwde dat hij me zou opwachten.', motive: 'Boos over het besluit over de parkeervergunningen.' })],
  level: [text('bedreiging')],
  kinds: [text('bedreiging, verbale agressie')],
  perpetrator: [form({ known: 'false', type: 'persoon', characteristics: 'Man van rond de 40, rode jas', licencePlate: '12-abc-3' })],
  witnesses: [text('De bode en twee raadsleden')],
  evidence: [files(evidenceFile(1)), text('klaar')],
  injury: [text('geestelijk')],
  damage: [form({ propertyDamage: 'false', absence: 'true', description: 'Twee dagen niet gewerkt' })],
  criminalOffence: [text('weet ik niet')],
  hindrance: [text('nee')],
  aftercare: [text('Graag een gesprek met de griffier')],
};

/** The report HAPPY gives. */
const HAPPY_REPORT: IncidentReport = {
  incidentAt: '2026-11-11T20:30:00.000Z',
  place: { mode: 'offline', location: 'bij het gemeentehuis' },
  description: 'Een man schreeuwde dat hij me zou opwachten.',
  motive: 'Boos over het besluit over de parkeervergunningen.',
  level: 4,
  kinds: ['bedreiging', 'verbaleAgressie'],
  // Recorded with the kinds: threats and verbal aggression are emotional, absence from work financial (issue 10.8).
  domains: ['emotioneel', 'financieel'],
  perpetrator: { known: false, type: 'persoon', characteristics: 'Man van rond de 40, rode jas', licencePlate: '12-ABC-3' },
  witnesses: 'De bode en twee raadsleden',
  evidence: { files: [evidenceFile(1)] },
  injury: ['mental'],
  damage: { propertyDamage: false, absenceFromWork: true, description: 'Twee dagen niet gewerkt' },
  criminalOffenceSuspected: 'unsure',
  feltHindered: false,
  aftercareWishes: 'Graag een gesprek met de griffier',
};

function start(knownOffice?: { role: OfficeHolderRole; organisationId: string }): IntakeDraft {
  return startIntake({ id: 'intake-1', officeHolder: HOLDER, knownOffice }, NOW);
}

/** Answers HAPPY until the draft reaches `target`. */
function runUntil(draft: IntakeDraft, target: IntakeStepId | 'summary', overrides: Partial<Record<IntakeStepId, readonly IntakeInput[]>> = {}): IntakeDraft {
  let current = draft;
  for (let guard = 0; current.current !== target; guard += 1) {
    if (current.current === 'summary' || guard > 20) throw new Error(`never reached ${target}`);
    for (const input of overrides[current.current] ?? HAPPY[current.current]) current = accept(current, input);
  }
  return current;
}

function draftAt(target: IntakeStepId | 'summary', knownOffice?: { role: OfficeHolderRole; organisationId: string }): IntakeDraft {
  return deepFreeze(runUntil(start(knownOffice), target));
}

/** Frozen, so any mutation of an input draft throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('a complete intake for each of the nine offices', () => {
  it.each<[OfficeHolderRole, string, IntakeInput]>([
    // office, organisation, how the office holder answers "wie ben je"
    ['commissarisVanDeKoning', 'provincie-utrecht', text('Commissaris van de Koning')],
    ['gedeputeerde', 'provincie-utrecht', form({ role: 'gedeputeerde', organisationId: 'provincie-utrecht' })],
    ['statenlid', 'provincie-utrecht', text('statenlid Utrecht')],
    ['burgemeester', 'gemeente-zeist', text('burgemeester van Zeist')],
    ['wethouder', 'gemeente-utrecht', text('wethouder gemeente Utrecht')],
    ['gemeenteraadslid', 'gemeente-utrechtse-heuvelrug', text('raadslid Utrechtse Heuvelrug')],
    ['dijkgraaf', 'hdsr', text('dijkgraaf HDSR')],
    ['dagelijksBestuurslid', 'waterschap-vallei-en-veluwe', form({ role: 'dagelijksBestuurslid', organisationId: 'waterschap-vallei-en-veluwe' })],
    ['algemeenBestuurslid', 'waterschap-rivierenland', form({ role: 'algemeenBestuurslid', organisationId: 'waterschap-rivierenland' })],
  ])('%s of %s', (role, organisationId, who) => {
    const seen: string[] = [];
    let draft = start();
    while (draft.current !== 'summary') {
      const prompt = currentPrompt(draft, CTX);
      seen.push(`${prompt.stepId} ${prompt.index}/${prompt.total}`);
      for (const input of draft.current === 'who' ? [who] : HAPPY[draft.current]) draft = accept(draft, input);
    }
    expect(seen).toEqual([
      'safety 1/15', 'who 2/15', 'when 3/15', 'where 4/15', 'what 5/15', 'level 6/15', 'kinds 7/15', 'perpetrator 8/15',
      'witnesses 9/15', 'evidence 10/15', 'injury 11/15', 'damage 12/15', 'criminalOffence 13/15', 'hindrance 14/15', 'aftercare 15/15',
    ]);
    expect(draft.office).toEqual({ role, organisationId });
    expect(draft.answers.who).toEqual({ role, organisationId });
    expect(isComplete(draft)).toBe(true);
    const report = toIncidentReport(draft);
    expect(incidentReportSchema.parse(report)).toEqual(report);
    expect(report).toEqual(HAPPY_REPORT);
  });

  it.each<[IntakeInput, string]>([
    [form({ role: 'wethouder', organisationId: 'provincie-utrecht' }), 'De functie Wethouder bestaat niet bij Provincie Utrecht. Bij de provincie kun je kiezen uit: Commissaris van de Koning, Gedeputeerde of Statenlid.'],
    [form({ role: 'statenlid', organisationId: 'gemeente-zeist' }), 'De functie Statenlid bestaat niet bij Gemeente Zeist. Bij een gemeente kun je kiezen uit: Burgemeester, Wethouder of Gemeenteraadslid.'],
    [form({ role: 'dijkgraaf', organisationId: 'gemeente-utrecht' }), 'De functie Dijkgraaf bestaat niet bij Gemeente Utrecht.'],
    [text('burgemeester HDSR'), 'De functie Burgemeester bestaat niet bij Hoogheemraadschap De Stichtse Rijnlanden. Bij een waterschap'],
    [text('gedeputeerde gemeente Zeist'), 'De functie Gedeputeerde bestaat niet bij Gemeente Zeist.'],
  ])('refuses an office that does not exist in the organisation: %j', (input, message) => {
    const atWho = draftAt('who');
    const result = answer(atWho, input, CTX);
    expect(refusal(result)).toContain(message);
    expect(result.draft).toBe(atWho);
  });
});

describe('a follow-up question accepts the answer it asked for', () => {
  /** Types each answer at the who question in turn; returns the refusals and the final draft. */
  function typeAtWho(...typed: string[]): { refusals: string[]; draft: IntakeDraft } {
    let draft = draftAt('who');
    const refusals: string[] = [];
    for (const t of typed) {
      const result = answer(draft, text(t), CTX);
      if (!result.ok) refusals.push(result.error);
      draft = result.draft;
    }
    return { refusals, draft };
  }

  it.each<[string[], string, { role: OfficeHolderRole; organisationId: string }]>([
    // typed answers, in order; the question asked in between; the office that results
    [['wethouder', 'Zeist'], 'Bij welke organisatie ben je wethouder?', { role: 'wethouder', organisationId: 'gemeente-zeist' }],
    [['wethouder', 'gemeente Zeist'], 'Bij welke organisatie ben je wethouder?', { role: 'wethouder', organisationId: 'gemeente-zeist' }],
    [['Wethouder', 'in Utrechtse Heuvelrug'], 'Bij welke organisatie ben je wethouder?', { role: 'wethouder', organisationId: 'gemeente-utrechtse-heuvelrug' }],
    [['raadslid', 'Utrecht'], 'Bij welke organisatie ben je gemeenteraadslid?', { role: 'gemeenteraadslid', organisationId: 'gemeente-utrecht' }],
    [['burgemeester', 'Zeist'], 'Bij welke organisatie ben je burgemeester?', { role: 'burgemeester', organisationId: 'gemeente-zeist' }],
    [['algemeen bestuurslid', 'HDSR'], 'Bij welke organisatie ben je algemeen bestuurslid?', { role: 'algemeenBestuurslid', organisationId: 'hdsr' }],
    [['dijkgraaf', 'Rivierenland'], 'Bij welke organisatie ben je dijkgraaf?', { role: 'dijkgraaf', organisationId: 'waterschap-rivierenland' }],
    // A complete new answer wins over the follow-up.
    [['wethouder', 'statenlid'], 'Bij welke organisatie ben je wethouder?', { role: 'statenlid', organisationId: 'provincie-utrecht' }],
    // A typo in between keeps the question open.
    [['wethouder', 'Zeistt', 'Zeist'], 'Bij welke organisatie ben je wethouder?', { role: 'wethouder', organisationId: 'gemeente-zeist' }],
  ])('%j', (typed, asked, office) => {
    const { refusals, draft } = typeAtWho(...typed);
    expect(refusals[0]).toContain(asked);
    expect(refusals.join(' ')).not.toContain('Ik herken je functie niet');
    expect(draft.answers.who).toEqual(office);
    expect(draft.current).toBe('when');
    expect(draft.followUp).toBeUndefined();
  });

  it('says when the organisation does not have that office, instead of "functie niet herkend"', () => {
    const { refusals, draft } = typeAtWho('wethouder', 'HDSR');
    expect(refusals[1]).toContain('De functie Wethouder bestaat niet bij Hoogheemraadschap De Stichtse Rijnlanden');
    expect(draft.current).toBe('who');
  });

  it('keeps what it understood in the stored draft, and the draft stays valid', () => {
    const { draft } = typeAtWho('wethouder');
    expect(draft.followUp).toEqual({ stepId: 'who', prefix: 'wethouder' });
    expect(intakeDraftSchema.parse(draft)).toEqual(draft);
    // A place name alone at a question that asked nothing is not read as an office.
    expect(refusal(answer(draftAt('who'), text('Zeist'), CTX))).toContain('Ik herken je functie niet');
  });
});

describe('a known office', () => {
  it('skips the who question and counts one step fewer', () => {
    let draft = start({ role: 'burgemeester', organisationId: 'gemeente-zeist' });
    expect(draft.officeKnown).toBe(true);
    expect(progress(draft)).toEqual({ index: 1, total: 14 });
    draft = accept(draft, text('ja'));
    expect(draft.current).toBe('when');
    expect(currentPrompt(draft, CTX)).toMatchObject({ stepId: 'when', index: 2, total: 14 });
    draft = runUntil(draft, 'summary');
    expect(progress(draft)).toEqual({ index: 14, total: 14 });
    expect(draft.answers.who).toBeUndefined();
    expect(toIncidentReport(draft)).toEqual(HAPPY_REPORT);
    expect(summarise(draft)[0]).toEqual({ stepId: 'who', label: 'Functie en organisatie', value: 'Burgemeester, Gemeente Zeist', editable: false });
    expect(editStep(draft, 'who', LATER)).toBe(draft);
  });

  it('refuses a directory office that does not fit the routing table', () => {
    expect(() => start({ role: 'wethouder', organisationId: 'provincie-utrecht' })).toThrow(expect.objectContaining({ code: 'ROUTING.ROLE_NOT_IN_ORGANISATION' }));
    expect(() => start({ role: 'wethouder', organisationId: 'gemeente-atlantis' })).toThrow(expect.objectContaining({ code: 'ROUTING.UNKNOWN_ORGANISATION' }));
  });
});

describe('a level chosen beforehand (from the advice on responding)', () => {
  function startAt(level: 1 | 2 | 3 | 4 | 5): IntakeDraft {
    return startIntake({ id: 'intake-1', officeHolder: HOLDER, knownOffice: { role: 'wethouder', organisationId: 'gemeente-zeist' }, level }, NOW);
  }

  it('skips the level question, counts one step fewer and reports that level', () => {
    let draft = startAt(3);
    expect(draft).toMatchObject({ levelPreset: true, answers: { level: 3 }, current: 'safety' });
    expect(progress(draft)).toEqual({ index: 1, total: 13 });
    const seen: string[] = [];
    while (draft.current !== 'summary') {
      const prompt = currentPrompt(draft, CTX);
      seen.push(`${prompt.stepId} ${prompt.index}/${prompt.total}`);
      for (const input of HAPPY[draft.current]) draft = accept(draft, input);
    }
    expect(seen).not.toContain(expect.stringMatching(/^level/));
    expect(seen.slice(3, 6)).toEqual(['what 4/13', 'kinds 5/13', 'perpetrator 6/13']);
    expect(toIncidentReport(draft)).toEqual({ ...HAPPY_REPORT, level: 3 });
    expect(summarise(draft).find((row) => row.stepId === 'level')).toEqual({ stepId: 'level', label: 'Soort gedrag', value: 'Niveau 3: (Non-)verbale agressie ("jij")', editable: true });
  });

  it('can still be changed on the summary; the question then counts as asked', () => {
    const atSummary = runUntil(startAt(2), 'summary');
    const editing = editStep(atSummary, 'level', LATER);
    expect(editing).toMatchObject({ current: 'level', levelPreset: false, returnToSummary: true });
    expect(currentPrompt(editing, CTX)).toMatchObject({ stepId: 'level', index: 5, total: 14, currentValueText: 'Niveau 2: Emotioneel gedrag ("jullie")' });
    const back = accept(editing, text('5'));
    expect(back.current).toBe('summary');
    expect(toIncidentReport(back).level).toBe(5);
  });

  it('is stored and read back like any draft', () => {
    const draft = startAt(5);
    expect(intakeDraftSchema.parse(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    const { levelPreset: _none, ...older } = start();
    expect(intakeDraftSchema.parse(older)).toEqual(older); // drafts saved before this field existed
  });
});

describe('refused answers leave the draft as it was', () => {
  const HUGE = 'x'.repeat(100 * 1024);
  it.each<[IntakeStepId | 'summary', IntakeInput, string]>([
    // step, input, part of the Dutch explanation
    ['safety', text('misschien'), 'Typ "ja" of "nee"'],
    ['safety', text(HUGE), 'Typ "ja" of "nee"'],
    ['safety', form({ value: 'maybe' }), 'Kies bij "Ben je nu veilig?" een van de opties'],
    ['safety', form({}), 'Kies bij "Ben je nu veilig?" een van de opties'],
    ['safety', { kind: 'form', values: null as unknown as Record<string, unknown> }, 'Het formulier kon niet worden gelezen'],
    ['safety', { kind: 'form', values: ['safe'] as unknown as Record<string, unknown> }, 'Het formulier kon niet worden gelezen'],
    ['who', text('voorzitter'), 'Ik herken je functie niet. Kies uit: Commissaris van de Koning'],
    ['who', form({ role: 'koning', organisationId: 'gemeente-zeist' }), 'Kies bij "Functie" een van de opties'],
    ['who', form({ role: 'wethouder', organisationId: 'gemeente-baarn' }), 'Kies bij "Organisatie" een van de opties'],
    ['who', form({ role: 'wethouder' }), 'Kies bij "Organisatie" een van de opties'],
    ['who', text('overslaan'), 'kun je niet overslaan'],
    ['when', text('morgen'), 'ligt nog in de toekomst'],
    ['when', text('blabla'), 'Ik begrijp niet wanneer het gebeurde'],
    ['when', text(''), 'Typ alleen wanneer het gebeurde'],
    ['when', form({ date: '2026-11-13' }), 'ligt nog in de toekomst'],
    ['when', form({ date: '2026-11-12', time: '10:30' }), 'ligt nog in de toekomst'],
    ['when', form({ date: '12-11-2026' }), 'Kies een datum'],
    ['when', form({ date: 20261112 }), 'Kies een datum'],
    ['when', form({ date: '2026-11-12', time: 'kwart over' }), 'Geef de tijd als uren:minuten'],
    ['when', form({ date: '2026-02-30' }), 'geen bestaand tijdstip'],
    ['when', form({ date: '2015-01-01' }), 'meer dan 5 jaar geleden'],
    ['where', text(''), 'mag niet leeg zijn'],
    ['where', text('y'.repeat(600)), 'het maximum is 500'],
    ['where', form({}), 'Vul de plek in waar het gebeurde, of kies hoe het je bereikte'],
    ['where', form({ mode: 'online' }), 'Kies het kanaal'],
    ['where', form({ mode: 'offline', location: '   ' }), 'Vul de plek in'],
    ['where', form({ mode: 'online', channel: 'fax' }), 'Kies bij "Kanaal" een van de opties uit de lijst'],
    ['where', form({ mode: 'teleport' }), 'Kies bij "Hoe" een van de opties'],
    ['where', form({ location: 123 }), '"Plek" moet tekst zijn'],
    ['where', form({ mode: 'online', channel: 'email', detail: 'd'.repeat(501) }), '501 tekens; het maximum is 500'],
    ['what', text('   '), 'mag niet leeg zijn'],
    ['what', text('a'.repeat(4001)), '4.001 tekens; het maximum is 4.000'],
    ['what', text(HUGE), 'meer dan 65.536 tekens; het maximum is 4.000'],
    ['what', text('overslaan'), 'kun je niet overslaan'],
    ['what', form({ description: '' }), 'Vul "Wat er gebeurde" in'],
    ['what', form({ description: ['a'] }), '"Wat er gebeurde" moet tekst zijn'],
    ['what', form({ description: 'Hij schold.', motive: 'm'.repeat(2001) }), '"Waarom" is 2.001 tekens; het maximum is 2.000'],
    ['what', form({ description: HUGE }), 'het maximum is 4.000'],
    ['level', text('6'), 'Kies een nummer van 1 tot en met 5'],
    ['level', text('weet ik veel'), 'Kies een nummer van 1 tot en met 5'],
    ['level', form({ value: '7' }), 'Kies bij "Soort gedrag" een van de opties'],
    ['kinds', text('ruzie'), 'Ik herken "ruzie" niet'],
    ['kinds', text('bedreiging, ruzie'), 'Ik herken "ruzie" niet'],
    ['kinds', text('geen'), 'Kies een of meer van'],
    ['kinds', form({ value: '' }), 'Kies minstens een vorm'],
    ['kinds', form({ value: 'pesten,slaan' }), 'Kies bij "Vorm" alleen opties uit de lijst'],
    ['kinds', form({ value: 5 }), 'Kies bij "Vorm" een of meer opties'],
    ['perpetrator', form({}), 'Kies bij "Ik weet wie het was" ja of nee'],
    ['perpetrator', form({ known: 'misschien' }), 'Kies bij "Ik weet wie het was" ja of nee'],
    ['perpetrator', form({ known: 'true', type: 'alien' }), 'Kies bij "Soort pleger" een van de opties'],
    ['perpetrator', form({ known: 'true', licencePlate: 'ABCDEFG' }), 'Dit lijkt geen Nederlands kenteken'],
    ['perpetrator', form({ known: 'true', licencePlate: 'K'.repeat(21) }), '"Kenteken" is 21 tekens; het maximum is 20'],
    ['perpetrator', form({ known: 'false', name: 'n'.repeat(501) }), '"Naam of account" is 501 tekens; het maximum is 500'],
    ['perpetrator', text('overslaan'), 'kun je niet overslaan'],
    ['witnesses', text('w'.repeat(2001)), 'het maximum is 2.000'],
    ['witnesses', form({ value: { text: 'x' } }), '"Getuigen" moet tekst zijn'],
    ['evidence', form({ keptOriginals: 123 }), 'moet tekst zijn'],
    ['evidence', files(), 'Er zat geen bestand bij je bericht'],
    ['evidence', files({ ...evidenceFile(2), sha256: 'xyz' }), 'Een bestand kon niet worden toegevoegd'],
    ['injury', text('geen, lichamelijk'), '"Geen letsel" kan niet samen met ander letsel'],
    ['injury', form({ value: 'geen,mental' }), '"Geen letsel" kan niet samen met ander letsel'],
    ['injury', text('blauwe plek'), 'Ik herken "blauwe plek" niet'],
    ['injury', form({ value: '' }), 'Kies "geen letsel", of het letsel dat je opliep'],
    ['damage', text('ja'), 'Typ "nee" als er geen schade of verzuim was'],
    ['damage', form({ propertyDamage: 'true' }), 'Kies bij "Niet kunnen werken" ja of nee'],
    ['damage', form({ propertyDamage: 'misschien', absence: 'false' }), 'Kies bij "Schade aan spullen" ja of nee'],
    ['damage', form({ propertyDamage: 'true', absence: 'false', description: 'd'.repeat(2001) }), 'het maximum is 2.000'],
    ['criminalOffence', text('hmm'), 'Typ "ja", "nee" of "weet ik niet"'],
    ['criminalOffence', form({ value: 'maybe' }), 'Kies bij "Strafbaar feit" een van de opties'],
    ['hindrance', text('hmm'), 'Typ "ja" of "nee"'],
    ['hindrance', form({ value: 'soms' }), 'Kies bij "Hinder" een van de opties'],
    ['aftercare', text('a'.repeat(2001)), 'het maximum is 2.000'],
    ['summary', text('hallo'), 'Je melding is klaar om te versturen'],
    ['summary', form({ value: 'x' }), 'Je melding is klaar om te versturen'],
    ['summary', removeAddress, 'Er is geen adres om te verwijderen'],
    ['when', { kind: 'unknown' } as unknown as IntakeInput, 'Ik kan dit antwoord niet lezen'],
    ['when', null as unknown as IntakeInput, 'Ik kan dit antwoord niet lezen'],
  ])('%s: %j', (stepId, input, message) => {
    const before = draftAt(stepId);
    const stored = JSON.stringify(before);
    const result = answer(before, input, CTX_LATER);
    expect(refusal(result)).toContain(message);
    expect(result.draft).toBe(before);
    expect(JSON.stringify(result.draft)).toBe(stored);
  });
});

describe('optional questions', () => {
  it.each<[IntakeStepId, IntakeInput, unknown]>([
    ['witnesses', text('geen'), {}],
    ['witnesses', text('overslaan'), {}],
    ['witnesses', text('Niemand'), {}],
    ['witnesses', form({ skip: true }), {}],
    ['aftercare', text('nee, dank je'), {}],
    ['aftercare', text('overslaan'), {}],
    ['evidence', text('geen'), { files: [], done: true }],
    ['evidence', text('nee'), { files: [], done: true }],
  ])('%s can be skipped with %j', (stepId, input, stored) => {
    const draft = accept(draftAt(stepId), input);
    expect(draft.answers[stepId]).toEqual(stored);
    expect(draft.current).not.toBe(stepId);
  });

  it('leaves skipped answers out of the report', () => {
    const draft = runUntil(start(), 'summary', { witnesses: [text('geen')], evidence: [text('geen')], aftercare: [text('overslaan')] });
    const report = toIncidentReport(draft);
    expect(report.witnesses).toBeUndefined();
    expect(report.aftercareWishes).toBeUndefined();
    expect(report.evidence).toEqual({ files: [] });
    expect(summarise(draft).filter((row) => ['witnesses', 'evidence', 'aftercare'].includes(row.stepId)).map((row) => row.value))
      .toEqual(['Geen', 'Geen bestanden', 'Geen']);
  });

  it('marks only witnesses, evidence and aftercare as optional', () => {
    const optional: string[] = [];
    let draft = start();
    while (draft.current !== 'summary') {
      if (currentPrompt(draft, CTX).optional) optional.push(draft.current);
      for (const input of HAPPY[draft.current]) draft = accept(draft, input);
    }
    expect(optional).toEqual(['witnesses', 'evidence', 'aftercare']);
  });
});

describe('safety first', () => {
  it('stays on the safety question with an urgent notice until the office holder is safe', () => {
    const first = answer(start(), text('nee'), CTX);
    expect(first).toMatchObject({ ok: true, notices: [{ kind: 'unsafe' }] });
    expect(first.draft.current).toBe('safety');
    const again = answer(first.draft, form({ value: 'unsafe' }), CTX_LATER);
    expect(again).toMatchObject({ ok: true, notices: [{ kind: 'unsafe' }] });
    expect(again.draft.current).toBe('safety');
    const safe = answer(again.draft, text('verder'), CTX_LATER);
    expect(safe).toMatchObject({ ok: true, notices: [] });
    expect(safe.draft.current).toBe('who');
    expect(safe.draft.answers.safety).toBe('safe');
  });
});

describe('evidence files', () => {
  it('appends files, stays on the question, and moves on with "klaar"', () => {
    let draft = draftAt('evidence');
    expect(draft.answers.evidence).toBeUndefined();
    const two = answer(draft, files(evidenceFile(2), evidenceFile(3)), CTX);
    expect(two).toMatchObject({ ok: true, notices: [{ kind: 'evidenceAdded', count: 2 }] });
    draft = two.draft;
    expect(draft.current).toBe('evidence');
    expect(draft.answers.evidence?.files.map((f) => f.fileName)).toEqual(['bewijs-2.png', 'bewijs-3.png']);
    // The same file again is not counted twice.
    const mixed = answer(draft, files(evidenceFile(3), evidenceFile(4)), CTX);
    expect(mixed).toMatchObject({ ok: true, notices: [{ kind: 'evidenceAdded', count: 1 }] });
    const duplicate = answer(mixed.draft, files(evidenceFile(2)), CTX);
    expect(refusal(duplicate)).toBe('Dit bestand heb je al toegevoegd.');
    expect(duplicate.draft).toBe(mixed.draft);
    draft = accept(mixed.draft, text('klaar'));
    expect(draft.current).toBe('injury');
    expect(draft.answers.evidence).toEqual({ files: [evidenceFile(2), evidenceFile(3), evidenceFile(4)], done: true });
  });

  it('takes at most 20 files and refuses a batch that would pass the cap', () => {
    let draft = draftAt('evidence');
    draft = accept(draft, files(...Array.from({ length: 18 }, (_, i) => evidenceFile(100 + i))));
    const before = deepFreeze(draft);
    const tooMany = answer(before, files(evidenceFile(200), evidenceFile(201), evidenceFile(202)), CTX);
    expect(refusal(tooMany)).toBe('Je kunt maximaal 20 bestanden toevoegen. Er zijn er al 18, dus je kunt er nog 2 sturen.');
    expect(tooMany.draft).toBe(before);
    draft = accept(before, files(evidenceFile(200), evidenceFile(201)));
    expect(draft.answers.evidence?.files).toHaveLength(20);
    expect(refusal(answer(draft, files(evidenceFile(300)), CTX))).toContain('Je hebt al 20 bestanden toegevoegd; meer kan niet.');
  });

  it('keeps a file sent during another question without leaving that question', () => {
    const atWhat = draftAt('what');
    const result = answer(atWhat, files(evidenceFile(7)), CTX);
    expect(result).toMatchObject({ ok: true, notices: [{ kind: 'evidenceAdded', count: 1 }] });
    expect(result.draft.current).toBe('what');
    const atEvidence = runUntil(result.draft, 'evidence');
    expect(currentPrompt(atEvidence, CTX).text).toContain('Je hebt 1 bestand toegevoegd.');
    expect(toIncidentReport(runUntil(atEvidence, 'summary', { evidence: [text('klaar')] })).evidence.files).toEqual([evidenceFile(7)]);
  });
});

describe('home address guard', () => {
  const WITH_ADDRESS = 'Voor mijn huis aan de Dorpsstraat 12, 3701 AB Zeist';

  it('warns, waits for a choice, and removes the address on request', () => {
    const warned = answer(draftAt('where'), text(WITH_ADDRESS), CTX);
    expect(warned).toMatchObject({ ok: true, notices: [{ kind: 'addressWarning' }] });
    const pending = deepFreeze(warned.draft);
    expect(pending.current).toBe('where');
    expect(pending.answers.where).toEqual({ mode: 'offline', location: WITH_ADDRESS });
    expect(pending.pendingAddress).toMatchObject({ stepId: 'where', field: 'location', original: WITH_ADDRESS });
    expect(currentPrompt(pending, CTX)).toMatchObject({ stepId: 'where', kind: 'choice', title: 'Adres in je antwoord', options: [{ value: 'remove' }, { value: 'keep' }] });

    for (const other of [text('bij het stadhuis'), form({ location: 'bij het stadhuis' }), files(evidenceFile(9))]) {
      const refused = answer(pending, other, CTX);
      expect(refusal(refused)).toContain('Kies eerst: typ "verwijder"');
      expect(refused.draft).toBe(pending);
    }

    const removed = answer(pending, removeAddress, CTX);
    expect(removed).toMatchObject({ ok: true, notices: [{ kind: 'addressRemoved' }] });
    expect(removed.draft.answers.where).toEqual({ mode: 'offline', location: 'Voor mijn huis aan de [adres verwijderd], [adres verwijderd] Zeist' });
    expect(removed.draft.pendingAddress).toBeUndefined();
    expect(removed.draft.current).toBe('what');
  });

  it.each<[IntakeInput, boolean]>([
    [keepAddress, false],
    [text('laat staan'), false],
    [text('nee'), false],
    [form({ value: 'keep' }), false],
    [text('verwijder'), true],
    [text('Ja'), true],
    [form({ value: 'remove' }), true],
  ])('reads the choice %j', (choice, removes) => {
    const pending = accept(draftAt('where'), text(WITH_ADDRESS));
    const result = answer(pending, choice, CTX);
    expect(result).toMatchObject({ ok: true, notices: removes ? [{ kind: 'addressRemoved' }] : [] });
    expect(result.draft.answers.where).toEqual({ mode: 'offline', location: removes ? 'Voor mijn huis aan de [adres verwijderd], [adres verwijderd] Zeist' : WITH_ADDRESS });
    expect(result.draft.current).toBe('what');
  });

  it('asks once per field when two fields of one answer hold an address', () => {
    const warned = answer(draftAt('perpetrator'), form({ known: 'true', name: 'Buurman van Kerkweg 3', characteristics: 'Woont op Stationsstraat 8' }), CTX);
    expect(warned).toMatchObject({ ok: true, notices: [{ kind: 'addressWarning' }] });
    expect(warned.draft.pendingAddress?.field).toBe('name');
    const second = answer(warned.draft, keepAddress, CTX);
    expect(second).toMatchObject({ ok: true, notices: [{ kind: 'addressWarning' }] });
    expect(second.draft.pendingAddress?.field).toBe('characteristics');
    expect(second.draft.current).toBe('perpetrator');
    const done = accept(second.draft, removeAddress);
    expect(done.answers.perpetrator).toEqual({ known: true, type: 'persoon', name: 'Buurman van Kerkweg 3', characteristics: 'Woont op [adres verwijderd]' });
    expect(done.current).toBe('witnesses');
  });

  it.each<[IntakeStepId, IntakeInput, string]>([
    ['what', text('Hij stond bij Kerkstraat 5 te schreeuwen'), 'description'],
    ['witnesses', text('Buurvrouw van Lindelaan 4'), 'text'],
    ['evidence', text('Originelen liggen thuis op Stationsweg 10'), 'keptOriginals'],
    ['damage', form({ propertyDamage: 'true', absence: 'false', description: 'Ruit ingegooid op Molenweg 2' }), 'description'],
    ['aftercare', text('Graag bezoek op Beukenlaan 7'), 'text'],
    ['where', form({ mode: 'online', channel: 'brief', detail: 'afzender Parkweg 1, 3701 AB' }), 'detail'],
  ])('guards the free text of %s', (stepId, input, field) => {
    const result = answer(draftAt(stepId), input, CTX);
    expect(result).toMatchObject({ ok: true, notices: [{ kind: 'addressWarning' }] });
    expect(result.draft.pendingAddress).toMatchObject({ stepId, field });
    expect(result.draft.current).toBe(stepId);
    expect(isComplete(result.draft)).toBe(false);
  });
});

describe('change an answer from the summary', () => {
  it('asks the question again with the current value and returns to the summary', () => {
    const atSummary = draftAt('summary');
    expect(currentPrompt(atSummary, CTX)).toMatchObject({ stepId: 'summary', index: 15, total: 15, title: 'Controleer je melding' });
    const editing = editStep(atSummary, 'level', LATER);
    expect(editing).toMatchObject({ current: 'level', returnToSummary: true, updatedAt: LATER.toISOString() });
    expect(currentPrompt(editing, CTX)).toMatchObject({ stepId: 'level', index: 6, currentValueText: 'Niveau 4: Bedreiging of intimidatie' });
    // A refusal keeps the office holder on the question.
    expect(refusal(answer(editing, text('zes'), CTX))).toContain('Kies een nummer');
    const back = accept(editing, text('5'));
    expect(back).toMatchObject({ current: 'summary', returnToSummary: false });
    // Level 5 is physical violence, so the recorded planes follow (issue 10.8).
    expect(toIncidentReport(back)).toEqual({ ...HAPPY_REPORT, level: 5, domains: ['fysiek', 'emotioneel', 'financieel'] });
  });

  it('returns to the summary after the address choice, and after "klaar" on evidence', () => {
    const editWhere = editStep(draftAt('summary'), 'where', LATER);
    const pending = accept(editWhere, text('Kerkstraat 12'));
    expect(pending.current).toBe('where');
    expect(accept(pending, removeAddress)).toMatchObject({ current: 'summary', answers: { where: { mode: 'offline', location: '[adres verwijderd]' } } });

    const editEvidence = editStep(draftAt('summary'), 'evidence', LATER);
    const more = accept(editEvidence, files(evidenceFile(5)));
    expect(more.current).toBe('evidence');
    expect(accept(more, text('klaar'))).toMatchObject({ current: 'summary', answers: { evidence: { files: [evidenceFile(1), evidenceFile(5)], done: true } } });
  });

  it('changes the office when it was asked, not when the directory supplied it', () => {
    const editing = editStep(draftAt('summary'), 'who', LATER);
    const changed = accept(editing, text('gemeenteraadslid Zeist'));
    expect(changed).toMatchObject({ current: 'summary', office: { role: 'gemeenteraadslid', organisationId: 'gemeente-zeist' } });
  });

  it.each<[string, () => IntakeDraft, IntakeStepId]>([
    ['before the summary', () => draftAt('kinds'), 'level'],
    ['for the safety question', () => draftAt('summary'), 'safety'],
    ['while an address choice is pending', () => accept(editStep(draftAt('summary'), 'where', LATER), text('Kerkstraat 12')), 'what'],
    ['after submitting', () => markSubmitted(draftAt('summary'), LATER), 'level'],
  ])('does nothing %s', (_when, make, stepId) => {
    const draft = make();
    expect(editStep(draft, stepId, LATER)).toBe(draft);
  });

  it('summarises every answer in Dutch, in question order', () => {
    expect(summarise(draftAt('summary'))).toEqual([
      { stepId: 'who', label: 'Functie en organisatie', value: 'Wethouder, Gemeente Zeist', editable: true },
      { stepId: 'when', label: 'Wanneer', value: 'woensdag 11 november 2026 om 21:30', editable: true },
      { stepId: 'where', label: 'Waar', value: 'bij het gemeentehuis', editable: true },
      { stepId: 'what', label: 'Wat er gebeurde', value: 'Een man schreeuwde dat hij me zou opwachten.\nWaarom: Boos over het besluit over de parkeervergunningen.', editable: true },
      { stepId: 'level', label: 'Soort gedrag', value: 'Niveau 4: Bedreiging of intimidatie', editable: true },
      { stepId: 'kinds', label: 'Vorm van het gedrag', value: 'Bedreiging, Verbale agressie', editable: true },
      { stepId: 'perpetrator', label: 'Pleger', value: 'Onbekend; persoon; kenmerken: Man van rond de 40, rode jas; kenteken: 12-ABC-3', editable: true },
      { stepId: 'witnesses', label: 'Getuigen', value: 'De bode en twee raadsleden', editable: true },
      { stepId: 'evidence', label: 'Bewijs', value: '1 bestand: bewijs-1.png', editable: true },
      { stepId: 'injury', label: 'Letsel', value: 'Geestelijk letsel', editable: true },
      { stepId: 'damage', label: 'Schade en verzuim', value: 'Schade aan spullen: nee; verzuim: ja\nTwee dagen niet gewerkt', editable: true },
      { stepId: 'criminalOffence', label: 'Vermoeden van een strafbaar feit', value: 'Weet ik niet', editable: true },
      { stepId: 'hindrance', label: 'Hinder ondervonden', value: 'Nee', editable: true },
      { stepId: 'aftercare', label: 'Wensen voor nazorg', value: 'Graag een gesprek met de griffier', editable: true },
    ]);
  });
});

describe('the finished report', () => {
  it.each<[string, () => IntakeDraft]>([
    ['a new draft', () => start()],
    ['a draft halfway', () => draftAt('kinds')],
    ['a draft still on evidence with files sent', () => accept(draftAt('evidence'), files(evidenceFile(2)))],
    ['a draft with an address choice pending', () => accept(editStep(draftAt('summary'), 'where', LATER), text('Kerkstraat 12'))],
    ['a draft whose office holder is not safe', () => ({ ...draftAt('summary'), answers: { ...draftAt('summary').answers, safety: 'unsafe' as const } })],
  ])('is refused for %s', (_name, make) => {
    const draft = make();
    expect(isComplete(draft)).toBe(false);
    expect(() => toIncidentReport(draft)).toThrow(expect.objectContaining({ code: 'REPORT.INVALID' }));
    let thrown: unknown;
    try {
      toIncidentReport(draft);
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown, 'REPORT.INVALID')).toBe(true);
    // The log detail names steps, never what the office holder wrote.
    expect((thrown as Error).message).not.toContain('Kerkstraat');
  });

  it('is submitted once, and a submitted or stopped draft takes no more answers', () => {
    const submitted = markSubmitted(draftAt('summary'), LATER);
    expect(submitted).toMatchObject({ status: 'submitted', updatedAt: LATER.toISOString() });
    expect(refusal(answer(submitted, text('ja'), CTX))).toContain('al verstuurd');
    expect(() => markSubmitted(draftAt('what'), LATER)).toThrow(expect.objectContaining({ code: 'REPORT.INVALID' }));
    const stopped = cancelIntake(draftAt('what'), LATER);
    expect(stopped.status).toBe('cancelled');
    expect(refusal(answer(stopped, text('Hij schold me uit'), CTX))).toContain('gestopt');
    expect(cancelIntake(submitted, LATER)).toBe(submitted);
  });

  it('keeps what the office holder typed, without markup', () => {
    const draft = runUntil(start(), 'summary', {
      what: [text('<p><b>Hij</b> riep: <i>"Ik weet waar je woont"</i></p>\u0007 🔪')],
      witnesses: [text('*de bode* & <at>Jan</at>')],
    });
    const report = toIncidentReport(draft);
    expect(report.description).toBe('Hij riep: "Ik weet waar je woont"\n 🔪');
    expect(report.witnesses).toBe('*de bode* & Jan');
  });

  it('records when the draft was started and last answered', () => {
    const draft = accept(accept(start(), text('ja')), form({ role: 'wethouder', organisationId: 'gemeente-zeist' }), CTX_LATER);
    expect(draft).toMatchObject({ startedAt: NOW.toISOString(), updatedAt: LATER.toISOString(), status: 'open', id: 'intake-1', officeHolder: HOLDER });
  });
});

describe('intakeDraftSchema', () => {
  it.each<[string, () => IntakeDraft]>([
    ['a new draft', () => start()],
    ['a draft with a known office', () => start({ role: 'dijkgraaf', organisationId: 'hdsr' })],
    ['a draft with files and an address choice pending', () => accept(accept(draftAt('evidence'), files(evidenceFile(2))), text('Originelen op Stationsweg 10'))],
    ['a draft being edited from the summary', () => editStep(draftAt('summary'), 'kinds', LATER)],
    ['a complete draft', () => draftAt('summary')],
  ])('round-trips %s through JSON', (_name, make) => {
    const draft = make();
    const stored = JSON.parse(JSON.stringify(draft)) as unknown;
    const loaded = intakeDraftSchema.parse(stored);
    expect(loaded).toEqual(draft);
    expect(currentPrompt(loaded, CTX)).toEqual(currentPrompt(draft, CTX));
  });

  it.each<[string, (draft: IntakeDraft) => unknown]>([
    ['an unknown step', (d) => ({ ...d, current: 'hack' })],
    ['a level of 9', (d) => ({ ...d, answers: { ...d.answers, level: 9 } })],
    ['an extra answer', (d) => ({ ...d, answers: { ...d.answers, homeAddress: 'Dorpsstraat 1' } })],
    ['a local start time', (d) => ({ ...d, startedAt: '2026-11-12T10:00:00' })],
    ['too many files', (d) => ({ ...d, answers: { ...d.answers, evidence: { files: Array.from({ length: 21 }, (_, i) => evidenceFile(i)), done: true } } })],
  ])('refuses a stored draft with %s', (_name, tamper) => {
    expect(intakeDraftSchema.safeParse(tamper(draftAt('summary'))).success).toBe(false);
  });
});
