import type { IntakeAnswers, IntakeDraft, IntakeStepId } from '../../../src/domain/intake';
import { INTAKE_STEPS, detectChannel, type IntakeContext } from '../../../src/dialogue/intake';
import type { StepOutcome, StepState } from '../../../src/dialogue/intake/step-definition';
import { BEHAVIOUR_LEVELS, type EvidenceFile } from '../../../src/domain/report';

// Thursday 12 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date('2026-11-12T09:00:00Z');
const ALLOWED = ['provincie-utrecht', 'gemeente-zeist', 'gemeente-utrecht', 'hdsr'];
const CTX: IntakeContext = { now: NOW, allowedOrganisationIds: ALLOWED };

const FILE: EvidenceFile = { fileName: 'brief.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'b'.repeat(64), blobName: 'intake-1/brief.pdf' };

function state(answers: IntakeAnswers = {}, office?: IntakeDraft['office']): StepState {
  return { answers, ctx: CTX, office };
}

function value<V>(outcome: StepOutcome<V>): V {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error}`);
  return outcome.value;
}

/** Reads one answer the way the flow does for that step: text through fromText, objects through fromForm. */
function read(stepId: IntakeStepId, input: string | Record<string, unknown>, answers: IntakeAnswers = {}): StepOutcome<unknown> {
  const step = INTAKE_STEPS[stepId];
  return typeof input === 'string' ? step.fromText(input, state(answers)) : step.fromForm(input, state(answers));
}

describe('each question takes a typed answer and the card form', () => {
  it.each<[IntakeStepId, string | Record<string, unknown>, unknown]>([
    // step, typed text or form values, stored answer
    ['safety', 'ja', 'safe'],
    ['safety', 'Ik ben veilig', 'safe'],
    ['safety', 'verder', 'safe'],
    ['safety', '👍', 'safe'],
    ['safety', 'nee', 'unsafe'],
    ['safety', 'ik ben niet veilig', 'unsafe'],
    ['safety', { value: 'unsafe' }, 'unsafe'],
    ['who', 'wethouder in Zeist', { role: 'wethouder', organisationId: 'gemeente-zeist' }],
    ['who', 'Statenlid', { role: 'statenlid', organisationId: 'provincie-utrecht' }],
    ['who', 'lid van de gemeenteraad van Utrecht', { role: 'gemeenteraadslid', organisationId: 'gemeente-utrecht' }],
    ['who', { role: 'dijkgraaf', organisationId: 'hdsr', verb: 'intake.answer', extra: { deep: true } }, { role: 'dijkgraaf', organisationId: 'hdsr' }],
    ['when', 'gisteren 21:30', { at: '2026-11-11T20:30:00.000Z', timeKnown: true, approximate: false, display: 'woensdag 11 november 2026 om 21:30' }],
    ['when', { date: '2026-11-11', time: '21:30' }, { at: '2026-11-11T20:30:00.000Z', timeKnown: true, approximate: false, display: 'woensdag 11 november 2026 om 21:30' }],
    ['when', { date: '2026-11-11', time: '' }, { at: '2026-11-10T23:00:00.000Z', timeKnown: false, approximate: false, display: 'woensdag 11 november 2026' }],
    // Summer time: 12:00 in Amsterdam is 10:00 UTC.
    ['when', { date: '2026-07-01', time: '12:00' }, { at: '2026-07-01T10:00:00.000Z', timeKnown: true, approximate: false, display: 'woensdag 1 juli 2026 om 12:00' }],
    // Up to five minutes ahead is clock skew: read as now.
    ['when', { date: '2026-11-12', time: '10:04' }, { at: '2026-11-12T09:00:00.000Z', timeKnown: true, approximate: false, display: 'donderdag 12 november 2026 om 10:00' }],
    ['where', 'bij het gemeentehuis', { mode: 'offline', location: 'bij het gemeentehuis' }],
    ['where', 'e-mail', { mode: 'online', channel: 'email' }],
    ['where', 'Twitter/X', { mode: 'online', channel: 'socialeMedia', detail: 'X (Twitter)' }],
    ['where', 'instagram', { mode: 'online', channel: 'socialeMedia', detail: 'Instagram' }],
    ['where', 'Facebook', { mode: 'online', channel: 'socialeMedia', detail: 'Facebook' }],
    ['where', 'per brief', { mode: 'online', channel: 'brief' }],
    ['where', 'telefoon', { mode: 'online', channel: 'telefoon' }],
    ['where', 'voicemail op mijn telefoon', { mode: 'online', channel: 'voicemail', detail: 'voicemail op mijn telefoon' }],
    ['where', 'dm', { mode: 'online', channel: 'directBericht' }],
    ['where', 'WhatsApp', { mode: 'online', channel: 'directBericht', detail: 'WhatsApp' }],
    ['where', 'via WhatsApp van een onbekend nummer', { mode: 'online', channel: 'directBericht', detail: 'via WhatsApp van een onbekend nummer' }],
    ['where', { mode: 'online', channel: 'socialeMedia', detail: 'Facebook-groep van het dorp' }, { mode: 'online', channel: 'socialeMedia', detail: 'Facebook-groep van het dorp' }],
    ['where', { location: 'Stadhuisplein' }, { mode: 'offline', location: 'Stadhuisplein' }],
    ['where', { mode: 'offline', location: '  in de raadszaal ', channel: '' }, { mode: 'offline', location: 'in de raadszaal' }],
    ['what', 'Hij schold me uit.', { description: 'Hij schold me uit.' }],
    ['what', { description: 'Hij schold me uit.', motive: 'Boos over het besluit.' }, { description: 'Hij schold me uit.', motive: 'Boos over het besluit.' }],
    ['what', { description: 'Hij schold me uit.', motive: '' }, { description: 'Hij schold me uit.' }],
    ['level', '3', 3],
    ['level', 'bedreiging', 4],
    ['level', 'Fysiek geweld', 5],
    ['level', 'jullie', 2],
    ['level', { value: '1' }, 1],
    ['level', { value: 2 }, 2],
    ['kinds', 'bedreiging, online agressie', ['bedreiging', 'onlineAgressie']],
    ['kinds', 'pesten en uitsluiten', ['pesten', 'uitsluiten']],
    ['kinds', 'Bedreiging; bedreiging', ['bedreiging']],
    ['kinds', { value: 'racisme,discriminatie' }, ['racisme', 'discriminatie']],
    ['kinds', { value: ['vernieling'] }, ['vernieling']],
    ['perpetrator', 'onbekend', { known: false, type: 'persoon' }],
    ['perpetrator', 'Onbekend, man met rode jas, kenteken 12-abc-3', { known: false, type: 'persoon', characteristics: 'man met rode jas, kenteken 12-abc-3', licencePlate: '12-ABC-3' }],
    ['perpetrator', 'Een groep jongeren bij de ingang', { known: true, type: 'groep', characteristics: 'Een groep jongeren bij de ingang' }],
    ['perpetrator', { known: 'true', type: 'bedrijf', name: 'Bouwbedrijf Jansen' }, { known: true, type: 'bedrijf', name: 'Bouwbedrijf Jansen' }],
    ['perpetrator', { known: false, licencePlate: 'ab 123 c' }, { known: false, type: 'persoon', licencePlate: 'AB-123-C' }],
    ['perpetrator', { known: 'false', name: '@boos_123', characteristics: '', licencePlate: '' }, { known: false, type: 'persoon', name: '@boos_123' }],
    ['witnesses', 'de bode en twee raadsleden', { text: 'de bode en twee raadsleden' }],
    ['witnesses', { value: '' }, {}],
    ['witnesses', { value: 'geen' }, {}],
    ['injury', 'geen', []],
    ['injury', 'nee', []],
    ['injury', 'lichamelijk en ziekenhuis', ['physical', 'hospital']],
    ['injury', 'Geestelijk letsel', ['mental']],
    ['injury', { value: 'geen' }, []],
    ['injury', { value: 'physical,mental' }, ['physical', 'mental']],
    ['damage', 'nee', { propertyDamage: false, absenceFromWork: false }],
    ['damage', 'ruit van mijn auto ingegooid', { propertyDamage: true, absenceFromWork: false, description: 'ruit van mijn auto ingegooid' }],
    ['damage', 'twee dagen ziek thuis', { propertyDamage: false, absenceFromWork: true, description: 'twee dagen ziek thuis' }],
    ['damage', { propertyDamage: 'true', absence: 'false' }, { propertyDamage: true, absenceFromWork: false }],
    ['damage', { propertyDamage: false, absence: true, description: 'Een week niet gewerkt' }, { propertyDamage: false, absenceFromWork: true, description: 'Een week niet gewerkt' }],
    ['criminalOffence', 'ja', 'yes'],
    ['criminalOffence', 'Nee', 'no'],
    ['criminalOffence', 'weet ik niet', 'unsure'],
    ['criminalOffence', 'misschien', 'unsure'],
    ['criminalOffence', { value: 'unsure' }, 'unsure'],
    ['hindrance', 'ja', true],
    ['hindrance', 'een beetje', true],
    ['hindrance', 'nee', false],
    ['hindrance', 'geen', false],
    ['hindrance', { value: 'yes' }, true],
    ['aftercare', 'Graag een gesprek met de griffier', { text: 'Graag een gesprek met de griffier' }],
    ['aftercare', { value: '' }, {}],
  ])('%s: %j', (stepId, input, expected) => {
    expect(value(read(stepId, input))).toEqual(expected);
  });

  it.each<[string | Record<string, unknown>, unknown]>([
    ['klaar', { files: [FILE], done: true }],
    ['Verder', { files: [FILE], done: true }],
    ['De originelen liggen bij de griffie', { files: [FILE], keptOriginals: 'De originelen liggen bij de griffie', done: true }],
    [{ keptOriginals: 'In mijn la op kantoor' }, { files: [FILE], keptOriginals: 'In mijn la op kantoor', done: true }],
    [{ done: true }, { files: [FILE], done: true }],
  ])('evidence: %j keeps the files already sent and moves on', (input, expected) => {
    expect(value(read('evidence', input, { evidence: { files: [FILE], done: false } }))).toEqual(expected);
  });

  it('cleans hostile text instead of storing markup or control characters', () => {
    const typed = '<p><b>Hij</b> riep</p><script>alert(1)</script>\u0000 dat ik **moest** oppassen 😡';
    expect(value(read('what', typed))).toEqual({ description: 'Hij riep\n dat ik **moest** oppassen 😡' });
  });

  it('finds the level named in a short sentence, but reads no level into "weet ik veel"', () => {
    expect(value(read('level', 'het was echt bedreiging'))).toBe(4);
    expect(value(read('level', 'jij'))).toBe(3);
    expect(read('level', 'weet ik veel').ok).toBe(false);
  });
});

describe('the questions as a card shows them', () => {
  const prompt = (stepId: IntakeStepId, answers: IntakeAnswers = {}, office?: IntakeDraft['office']) => INTAKE_STEPS[stepId].question(state(answers, office));

  it('asks about safety first and says to call 112 in acute danger', () => {
    const safety = prompt('safety');
    expect(safety.text).toMatch(/^Ben je nu veilig\?/);
    expect(safety.text).toContain('bel dan eerst 112');
    expect(safety.text).toContain('collega');
    expect(safety.text).toContain('beveiliging');
    expect(safety.options?.map((o) => o.value)).toEqual(['safe', 'unsafe']);
  });

  it('offers only the organisations configured in the directory', () => {
    const organisations = prompt('who').fields?.find((f) => f.id === 'organisationId')?.options;
    expect(organisations).toEqual([
      { value: 'provincie-utrecht', label: 'Provincie Utrecht' },
      { value: 'gemeente-utrecht', label: 'Gemeente Utrecht' },
      { value: 'gemeente-zeist', label: 'Gemeente Zeist' },
      { value: 'hdsr', label: 'Hoogheemraadschap De Stichtse Rijnlanden' },
    ]);
    expect(prompt('who').fields?.find((f) => f.id === 'role')?.options).toHaveLength(9);
  });

  it('explains every level of the ik–jullie–jij ladder', () => {
    expect(prompt('level').options).toEqual(BEHAVIOUR_LEVELS.map((l) => ({ value: String(l.level), label: `${l.level}. ${l.title}`, explanation: l.explanation })));
  });

  it('asks for evidence as files in this chat and says to keep the originals', () => {
    const evidence = prompt('evidence', { evidence: { files: [FILE, { ...FILE, sha256: 'c'.repeat(64) }], done: false } });
    expect(evidence.kind).toBe('files');
    expect(evidence.text).toContain('in deze chat');
    expect(evidence.text).toMatch(/bewaar altijd de originelen/i);
    expect(evidence.text).toContain('brieven, e-mails, voicemails');
    expect(evidence.text).toContain('Je hebt 2 bestanden toegevoegd.');
  });

  it('asks about hindrance while saying every incident is reported', () => {
    expect(prompt('hindrance').text).toContain('ook als je weinig of geen hinder ondervond');
  });

  it('offers "geen letsel" beside the injuries, and never "Overlijden": the office holder reports about themselves', () => {
    expect(prompt('injury').options?.map((o) => o.value)).toEqual(['geen', 'physical', 'mental', 'hospital', 'lasting']);
    expect(prompt('injury').options?.map((o) => o.label)).not.toContain('Overlijden');
    expect(read('injury', 'overleden').ok).toBe(false);
    expect(read('injury', { value: 'death' }).ok).toBe(false);
    expect(value(read('injury', 'lichamelijk, ziekenhuis'))).toEqual(['physical', 'hospital']);
  });

  it('shows the mayors\' crisis line only to a burgemeester', () => {
    expect(prompt('aftercare', {}, { role: 'burgemeester', organisationId: 'gemeente-zeist' }).help).toContain('070-373 8080');
    expect(prompt('aftercare', {}, { role: 'wethouder', organisationId: 'gemeente-zeist' }).help).not.toContain('070-373 8080');
    expect(prompt('aftercare').help).toContain('088 5543 288');
  });

  it('fills the form with the earlier answer when a question is asked again', () => {
    const answers: IntakeAnswers = {
      when: { at: '2026-11-11T20:30:00.000Z', timeKnown: true, approximate: false, display: 'woensdag 11 november 2026 om 21:30' },
      perpetrator: { known: false, type: 'groep', licencePlate: '12-ABC-3' },
    };
    expect(prompt('when', answers).fields?.map((f) => [f.id, f.value])).toEqual([['date', '2026-11-11'], ['time', '21:30']]);
    expect(prompt('perpetrator', answers).fields?.map((f) => [f.id, f.value])).toEqual([
      ['known', 'false'], ['type', 'groep'], ['name', undefined], ['characteristics', undefined], ['licencePlate', '12-ABC-3'],
    ]);
  });

  it('gives every question a Dutch title, text and a card kind', () => {
    for (const step of Object.values(INTAKE_STEPS)) {
      const question = step.question(state());
      expect(question.title.length).toBeGreaterThan(2);
      expect(question.text).toMatch(/\?/);
      if (question.kind === 'choice' || question.kind === 'multiChoice') expect(question.options?.length).toBeGreaterThan(1);
      else expect(question.fields?.length).toBeGreaterThan(0);
    }
  });
});

describe('detectChannel', () => {
  it.each<[string, ReturnType<typeof detectChannel>]>([
    ['een boze e-mail', { channel: 'email' }],
    ['mail', { channel: 'email' }],
    ['reactie op X', { channel: 'socialeMedia', platform: 'X (Twitter)' }],
    ['een DM op Instagram', { channel: 'directBericht' }],
    ['ingesproken bericht', { channel: 'voicemail' }],
    ['een anonieme brief in de bus', { channel: 'brief' }],
    ['hij belde me op', { channel: 'telefoon' }],
    ['bij de brievenbus van het stadhuis', undefined],
    ['op de markt', undefined],
  ])('%s', (text, expected) => {
    expect(detectChannel(text)).toEqual(expected);
  });
});
