/** The intake's cards and messages, rendered from real prompts and cases, checked as a user would read and click them. */
import type { IntakeReply } from '../../src/app/intake.service';
import { startIntake, type IntakeDraft } from '../../src/domain/intake';
import { answer, currentPrompt, editStep, INTAKE_VALUE_FIELD, summarise, type IntakePrompt } from '../../src/dialogue/intake';
import { supportLinesFor } from '../../src/domain/support-lines';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import {
  ADDRESS_QUOTE_MAX,
  renderIntakeReplies,
  SUMMARY_VALUE_MAX,
  type OutgoingMessage,
} from '../../src/teams/intake/intake-cards';
import { intakeSampleContext, intakeSampleNow, sampleCase, walkIntake } from '../cards/card-fixtures';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, input, nodes, readable } from '../support/card-reading';

const renderer = new CardRenderer();
const now = intakeSampleNow(); // Monday 30 November 2026, 10:00 in Amsterdam
const FOOTER = "Typ 'stop' om te stoppen. Je antwoorden worden na elke stap bewaard.";
const HOSTILE = '[klik hier](https://evil.example/login) ${geheim} {{DATE(2026-01-01T00:00:00Z)}} <script>alert(1)</script> **vet** _schuin_';

function render(reply: IntakeReply, at: Date = now): OutgoingMessage {
  const messages = renderIntakeReplies([reply], renderer, at);
  expect(messages).toHaveLength(1);
  return messages[0];
}

/** Renders a reply that must become a card, and checks it the way Teams would. */
function card(reply: IntakeReply, at: Date = now): Json {
  const message = render(reply, at);
  expect(message.text).toBeUndefined();
  expect(message.summary.trim()).not.toBe('');
  assertValidTeamsCard(message.card, reply.kind);
  return message.card as Json;
}

function question(prompt: IntakePrompt): Json {
  return card({ kind: 'question', prompt });
}

function textBlocks(value: unknown): string[] {
  return nodes(value, 'TextBlock').map((block) => String(block.text));
}

function button(value: unknown, title: string): Json {
  const found = nodes(value, 'Action.Submit').filter((action) => String(action.title).replace(/\u200B/g, '') === title);
  expect(found).toHaveLength(1);
  return found[0];
}

function buttonTitles(value: unknown): string[] {
  return nodes(value, 'Action.Submit').map((action) => String(action.title).replace(/\u200B/g, ''));
}

/** Markdown, HTML and bindings a user typed must never reach a text block in working form. */
function expectInert(value: unknown): void {
  for (const text of textBlocks(value)) {
    expect(text).not.toContain('](');
    expect(text).not.toContain('${');
    expect(text).not.toContain('{{');
    expect(text).not.toMatch(/<\s*script/i);
    expect(text).not.toContain('**vet**');
  }
}

const walk = walkIntake();
const promptOf = (step: string): IntakePrompt => {
  const prompt = walk.prompts.find((p) => p.stepId === step);
  if (!prompt) throw new Error(`no prompt for ${step}`);
  return prompt;
};

describe('question cards', () => {
  it('ask every question of a real intake with the step, the question and the footer', () => {
    expect(walk.prompts.map((p) => p.stepId)).toEqual([
      'safety', 'who', 'when', 'where', 'what', 'level', 'kinds', 'perpetrator', 'witnesses', 'evidence', 'injury', 'damage', 'criminalOffence', 'hindrance', 'aftercare',
    ]);
    walk.prompts.forEach((prompt, i) => {
      const c = question(prompt);
      const text = readable(c);
      expect(text).toContain(`Stap ${i + 1} van 15`);
      expect(text).toContain(prompt.title);
      expect(text).toContain(prompt.text);
      expect(textBlocks(c).at(-1)).toBe(FOOTER);
      // Every button answers this question and no other.
      for (const action of nodes(c, 'Action.Submit')) {
        expect(action.data).toEqual(expect.objectContaining({ action: 'intake.answer', step: prompt.stepId }));
      }
      expect(nodes(c, 'Action.Execute')).toEqual([]);
    });
  });

  it('says "Stap 1 van 14" when the directory knows the office and the question about it is skipped', () => {
    const known = walkIntake({ knownOffice: { role: 'wethouder', organisationId: 'gemeente-utrecht' } });
    expect(readable(question(known.prompts[0]))).toContain('Stap 1 van 14');
    expect(render({ kind: 'question', prompt: known.prompts[0] }).summary).toBe('Stap 1 van 14: Veiligheid');
  });

  it('offers each option of a choice as its own button that answers under the value field', () => {
    const c = question(promptOf('safety'));
    expect(button(c, 'Ja, ik ben veilig').data).toEqual({ action: 'intake.answer', step: 'safety', [INTAKE_VALUE_FIELD]: 'safe' });
    expect(button(c, 'Nee, ik ben niet veilig').data).toEqual({ action: 'intake.answer', step: 'safety', [INTAKE_VALUE_FIELD]: 'unsafe' });
    expect(buttonTitles(c)).not.toContain('Volgende');
    expect(buttonTitles(c)).not.toContain('Overslaan');
    expect(nodes(c, /^Input\./)).toEqual([]);
    expect(readable(c)).toMatch(/\b112\b/);
  });

  it('shows the explanation of every behaviour level under its button', () => {
    const c = question(promptOf('level'));
    const blocks = textBlocks(c).map((t) => t.replace(/\u200B/g, ''));
    expect(buttonTitles(c)).toEqual([
      '1. Emotioneel gedrag ("ik")', '2. Emotioneel gedrag ("jullie")', '3. (Non-)verbale agressie ("jij")', '4. Bedreiging of intimidatie', '5. Fysiek geweld',
    ]);
    expect(blocks).toContain('(Non-)verbaal dreigen, dreigen met geweld, intimideren of seksuele intimidatie.');
    expect(blocks).toContain('Schoppen, slaan, spugen, beetpakken, trekken, vernielen of voorwerpen gooien.');
    expect(button(c, '4. Bedreiging of intimidatie').data).toEqual({ action: 'intake.answer', step: 'level', [INTAKE_VALUE_FIELD]: '4' });
  });

  it('asks a multiple choice with check boxes under the value field and "Volgende"', () => {
    const c = question(promptOf('kinds'));
    const choice = input(c, INTAKE_VALUE_FIELD);
    expect(choice).toEqual(expect.objectContaining({ type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true, style: 'expanded' }));
    expect((choice.choices as { title: string }[]).map((x) => x.title)).toEqual(expect.arrayContaining(['Bedreiging', 'Online agressie', 'Seksuele intimidatie']));
    expect(button(c, 'Volgende').data).toEqual({ action: 'intake.answer', step: 'kinds' });
    expect(readable(c)).toContain('Bijvoorbeeld: "bedreiging, online agressie", "verbale agressie"');
  });

  it('asks an optional open question with a multi-line text box, and "Overslaan" that sends no input', () => {
    const c = question(promptOf('witnesses'));
    expect(input(c, INTAKE_VALUE_FIELD)).toEqual(expect.objectContaining({
      type: 'Input.Text', isMultiline: true, maxLength: 2000, isRequired: false, placeholder: 'Typ hier je antwoord', value: '',
    }));
    expect(button(c, 'Volgende').data).toEqual({ action: 'intake.answer', step: 'witnesses' });
    const skip = button(c, 'Overslaan');
    expect(skip.data).toEqual({ action: 'intake.answer', step: 'witnesses', skip: true });
    expect(skip.associatedInputs).toBe('none');
  });

  it('offers no "Overslaan" on a required question', () => {
    for (const step of ['when', 'what', 'kinds', 'perpetrator', 'injury', 'damage']) {
      expect(buttonTitles(question(promptOf(step)))).not.toContain('Overslaan');
    }
  });

  it('asks the time with a required date that cannot be in the future, and an optional time', () => {
    const c = question(promptOf('when'));
    expect(input(c, 'date')).toEqual(expect.objectContaining({ type: 'Input.Date', isRequired: true, max: '2026-11-30', label: 'Datum' }));
    expect(input(c, 'time')).toEqual(expect.objectContaining({ type: 'Input.Time', isRequired: false }));
  });

  it('lets the office holder pick role and organisation from drop-downs of the configured organisations', () => {
    const c = question(promptOf('who'));
    const role = input(c, 'role');
    const organisation = input(c, 'organisationId');
    expect(role).toEqual(expect.objectContaining({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true }));
    expect((role.choices as { title: string }[]).map((x) => x.title)).toContain('Burgemeester');
    expect((organisation.choices as { title: string; value: string }[]).map((x) => x.title)).toEqual(['Provincie Utrecht', 'Gemeente Utrecht', 'Gemeente Zeist', 'Hoogheemraadschap De Stichtse Rijnlanden']);
  });

  it('asks about the perpetrator with a switch that is never "required" (Teams would then demand it on)', () => {
    const c = question(promptOf('perpetrator'));
    const toggle = input(c, 'known');
    expect(toggle).toEqual(expect.objectContaining({ type: 'Input.Toggle', title: 'Ik weet wie het was', valueOn: 'true', valueOff: 'false', value: 'false' }));
    expect(toggle.isRequired).toBeUndefined();
    expect(input(c, 'type').value).toBe('persoon');
    expect(input(c, 'licencePlate')).toEqual(expect.objectContaining({ type: 'Input.Text', maxLength: 20 }));
  });

  it('explains how to send evidence in this chat, with "Klaar" (sending where the originals are) and "Geen bewijs"', () => {
    const c = question(promptOf('evidence'));
    const text = readable(c);
    expect(text).toContain('Stuur ze als bijlage in deze chat');
    expect(text).toContain('Bewaar altijd de originelen');
    expect(text).toContain('paperclip');
    expect(input(c, 'keptOriginals')).toEqual(expect.objectContaining({ type: 'Input.Text', isMultiline: true }));
    const done = button(c, 'Klaar');
    expect(done.data).toEqual({ action: 'intake.answer', step: 'evidence', done: true });
    expect(done.associatedInputs).toBeUndefined(); // Teams sends the inputs along
    expect(button(c, 'Geen bewijs').data).toEqual({ action: 'intake.answer', step: 'evidence', skip: true });
    expect(buttonTitles(c)).not.toContain('Volgende');
    expect(buttonTitles(c)).not.toContain('Overslaan');
  });

  it('when an answer is changed from the summary, shows it and prefills every input with exactly what was stored', () => {
    const ctx = intakeSampleContext();
    const onWhat = walkIntake({ answers: { perpetrator: 'onbekend, lange man, kenteken 12-ABC-3' } }).draft;
    const c = question(currentPrompt(editStep(onWhat, 'perpetrator', now), ctx));
    expect(readable(c)).toContain('Je antwoord tot nu toe');
    expect(readable(c)).toContain('Onbekend; persoon; kenmerken: lange man, kenteken 12-ABC-3; kenteken: 12-ABC-3');
    expect(input(c, 'characteristics').value).toBe('lange man, kenteken 12-ABC-3');
    expect(input(c, 'licencePlate').value).toBe('12-ABC-3');
    expect(input(c, 'known').value).toBe('false');

    const when = question(currentPrompt(editStep(onWhat, 'when', now), ctx));
    expect(input(when, 'date').value).toBe('2026-11-29');
    expect(input(when, 'time').value).toBe('21:30');
  });

  it('keeps a hostile answer inert when it is shown again, and gives it back unchanged in the input', () => {
    const typed = '[klik hier](https://evil.example/login) ${geheim} **vet** {{DATE(2026-01-01T00:00:00Z)}}';
    const { draft } = walkIntake({ answers: { what: typed } });
    const c = question(currentPrompt(editStep(draft, 'what', now), intakeSampleContext()));
    expectInert(c);
    // An input is never read as Markdown and is sent back as the answer: only "${" is broken, invisibly.
    expect(input(c, 'description').value).toBe(typed.replace('${', '$\u200B{'));
  });

  it('asks the pending home-address choice with buttons when the office holder comes back to it', () => {
    const draft = answerAll(startKnown(), ['ja', 'gisteren 21:30', 'Kerkstraat 12, 3511 AB Utrecht']);
    const c = question(currentPrompt(draft, intakeSampleContext()));
    expect(button(c, 'Verwijder het adres').data).toEqual({ action: 'intake.answer', step: 'where', [INTAKE_VALUE_FIELD]: 'remove' });
    expect(readable(c)).toContain('Zonder adres wordt het: [adres verwijderd], [adres verwijderd] Utrecht');
  });
});

describe('summary card', () => {
  const rows = summarise(walk.draft);

  it('shows every answer with its label and a "Wijzig" button, then "Verstuur melding" and "Stoppen"', () => {
    const c = card({ kind: 'summary', draftId: walk.draft.id, items: rows });
    const text = readable(c);
    expect(text).toContain('Controleer je melding');
    for (const row of rows) {
      expect(text).toContain(`${row.label}\n${row.value}`);
    }
    expect(text).toContain('Pleger\nOnbekend; persoon; kenmerken: man van rond de 40 met een rode jas');
    const edits = nodes(c, 'Action.Submit').filter((a) => a.title === 'Wijzig').map((a) => a.data);
    expect(edits).toEqual(rows.map((row) => ({ action: 'intake.edit', step: row.stepId })));
    expect(button(c, 'Verstuur melding').data).toEqual({ action: 'intake.submit', draftId: 'draft-1' });
    expect(button(c, 'Stoppen').data).toEqual({ action: 'intake.cancel' });
  });

  it('offers no "Wijzig" for the office the directory supplied', () => {
    const known = walkIntake({ knownOffice: { role: 'burgemeester', organisationId: 'gemeente-zeist' } }).draft;
    const knownRows = summarise(known);
    const c = card({ kind: 'summary', draftId: known.id, items: knownRows });
    expect(readable(c)).toContain('Functie en organisatie\nBurgemeester, Gemeente Zeist');
    const steps = nodes(c, 'Action.Submit').filter((a) => a.title === 'Wijzig').map((a) => (a.data as Json).step);
    expect(steps).not.toContain('who');
    expect(steps).toHaveLength(knownRows.length - 1);
  });

  it('shows hostile answers literally, shortened, and the card stays valid', () => {
    const items = [
      { stepId: 'what' as const, label: 'Wat er gebeurde', value: HOSTILE, editable: true },
      { stepId: 'witnesses' as const, label: 'Getuigen', value: `${HOSTILE} `.repeat(100), editable: true },
    ];
    const c = card({ kind: 'summary', draftId: 'draft-1', items });
    expectInert(c);
    const text = readable(c);
    expect(text).toContain('klik hier');
    expect(text).toContain('geheim');
    const values = textBlocks(c).filter((t) => t.includes('geheim'));
    expect(values).toHaveLength(2);
    expect(values[1].length).toBeLessThanOrEqual(SUMMARY_VALUE_MAX);
    expect(values[1].endsWith('…')).toBe(true);
  });

  it('stays within the size Teams accepts when every free-text answer is at its maximum', () => {
    const long = (n: number): string => 'Lange tekst zonder opmaak. '.repeat(Math.ceil(n / 27)).slice(0, n);
    const full = walkIntake({
      answers: { what: long(4000), where: long(500), perpetrator: long(2000), witnesses: long(2000), damage: `schade: ${long(1900)}`, aftercare: long(2000) },
    }).draft;
    const message = render({ kind: 'summary', draftId: full.id, items: summarise(full) });
    assertValidTeamsCard(message.card);
    expect(Buffer.byteLength(JSON.stringify(message.card))).toBeLessThan(28 * 1024);
  });
});

describe('safety, address and other notices', () => {
  it('answers "not safe" with 112 first, colleagues and security, the waiting report and the Vertrouwenslijn', () => {
    const result = answer(startKnown(), { kind: 'text', text: 'nee' }, intakeSampleContext());
    expect(result.ok && result.notices).toEqual([{ kind: 'unsafe' }]);
    const message = render({ kind: 'notice', notice: { kind: 'unsafe' } });
    assertValidTeamsCard(message.card);
    const text = readable(message.card);
    expect(textBlocks(message.card)[0]).toBe('Ben je in acuut gevaar? Bel nu 112.');
    expect(text).toContain('collega\'s of de beveiliging');
    expect(text).toContain('Typ **verder** als je veilig bent');
    expect(text).toContain('**088\u00A05543\u00A0288**'); // one number, never wrapped
    expect(button(message.card, 'Ik ben nu veilig, ga verder').data).toEqual({ action: 'intake.resume' });
    expect(message.summary).toBe('Ben je in acuut gevaar? Bel nu 112.');
  });

  it('warns about a home address, shows what was found, and offers to remove it or keep it', () => {
    const result = answer(answerAll(startKnown(), ['ja', 'gisteren 21:30']), { kind: 'text', text: 'Bij mij thuis, Kerkstraat 12, 3511 AB Utrecht' }, intakeSampleContext());
    if (!result.ok) throw new Error(result.error);
    expect(result.notices).toEqual([{ kind: 'addressWarning' }]);
    const c = card({ kind: 'notice', notice: { kind: 'addressWarning' }, pendingAddress: result.draft.pendingAddress });
    const text = readable(c);
    expect(text).toContain('Geef nooit je eigen huisadres');
    expect(text).toContain('adres van je organisatie');
    expect(text).toContain('Je schreef\nBij mij thuis, Kerkstraat 12, 3511 AB Utrecht');
    expect(text).toContain('Zonder adres wordt het\nBij mij thuis, [adres verwijderd], [adres verwijderd] Utrecht');
    expect(button(c, 'Verwijder het adres').data).toEqual({ action: 'intake.address', remove: true });
    expect(button(c, 'Dit is geen woonadres').data).toEqual({ action: 'intake.address', remove: false });
  });

  it('shows a hostile answer in the address warning literally and shortened', () => {
    const pendingAddress = { stepId: 'what' as const, field: 'description', original: `${HOSTILE} Kerkstraat 12 `.repeat(80), withoutAddress: HOSTILE.repeat(60) };
    expect(pendingAddress.original.length).toBeGreaterThan(10_000);
    const c = card({ kind: 'notice', notice: { kind: 'addressWarning' }, pendingAddress });
    expectInert(c);
    for (const quote of textBlocks(c).filter((t) => t.includes('geheim'))) expect(quote.length).toBeLessThanOrEqual(ADDRESS_QUOTE_MAX);
  });

  it('still asks the address choice when the found text is not at hand', () => {
    const c = card({ kind: 'notice', notice: { kind: 'addressWarning' } });
    expect(readable(c)).not.toContain('Je schreef');
    expect(buttonTitles(c)).toEqual(['Verwijder het adres', 'Dit is geen woonadres']);
  });

  it('confirms a removed address and received files in plain text', () => {
    expect(render({ kind: 'notice', notice: { kind: 'addressRemoved' } })).toEqual({ text: 'Het adres is verwijderd.', summary: 'Het adres is verwijderd.' });
    expect(render({ kind: 'notice', notice: { kind: 'evidenceAdded', count: 1 } }).text)
      .toBe('✓ 1 bestand ontvangen en veilig opgeslagen. Bewaar de originelen: de melding krijgt een kopie.');
    expect(render({ kind: 'notice', notice: { kind: 'evidenceAdded', count: 3 } }).text).toMatch(/^✓ 3 bestanden ontvangen en veilig opgeslagen\. Bewaar de originelen/);
  });

  it('shows a refused answer as a warning, with anything the user typed in it neutralised', () => {
    const refused = answer(startKnown(), { kind: 'text', text: 'misschien' }, intakeSampleContext());
    if (refused.ok) throw new Error('expected a refusal');
    expect(render({ kind: 'invalid', message: refused.error }).text).toBe(`⚠️ ${refused.error}`);
    const echoed = render({ kind: 'invalid', message: 'Ik herken "[klik](https://evil.example) **x**" niet.' }).text ?? '';
    expect(echoed.startsWith('⚠️ Ik herken')).toBe(true);
    expect(echoed).not.toContain('](');
    expect(echoed).not.toContain('**');
  });

  it('asks before stopping, with a way back', () => {
    const c = card({ kind: 'confirmCancel' });
    expect(readable(c)).toContain('Wil je stoppen met deze melding?');
    expect(button(c, 'Ja, stop en verwijder').data).toEqual({ action: 'intake.cancelConfirm' });
    expect(button(c, 'Nee, ga verder').data).toEqual({ action: 'intake.resume' });
  });

  it('answers the conversational replies in plain Dutch text', () => {
    expect(render({ kind: 'resumeExisting', startedAt: '2026-11-30T08:15:00.000Z' }).text)
      .toBe('Je hebt nog een melding in concept (begonnen op maandag 30 november 2026 om 09:15). We gaan verder waar je was.');
    expect(render({ kind: 'staleCard' }).text).toBe('Die knop hoort bij een eerdere vraag. Hieronder staat de vraag waar je nu bent.');
    expect(render({ kind: 'noDraft' }).text).toContain("Typ 'meld incident'");
    expect(render({ kind: 'noDraft' }).text).toContain('geen melding in concept');
    expect(render({ kind: 'cancelled' }).text).toContain('gestopt');
  });

  it('keeps the order of the replies, each with a notification text', () => {
    const replies: IntakeReply[] = [
      { kind: 'staleCard' },
      { kind: 'notice', notice: { kind: 'addressRemoved' } },
      { kind: 'question', prompt: promptOf('what') },
    ];
    const messages = renderIntakeReplies(replies, renderer, now);
    expect(messages.map((m) => (m.card ? 'card' : m.text))).toEqual([
      'Die knop hoort bij een eerdere vraag. Hieronder staat de vraag waar je nu bent.',
      'Het adres is verwijderd.',
      'card',
    ]);
    expect(messages[2].summary).toBe('Stap 5 van 15: Wat gebeurde er');
  });
});

describe('case submitted card', () => {
  const wethouder = sampleCase();

  it('gives the case number, who takes it from here, and that the office holder files no police report', () => {
    const c = card({ kind: 'submitted', case: wethouder, supportLines: supportLinesFor('wethouder'), repeated: false });
    const text = readable(c);
    expect(text).toContain('Je melding is ontvangen');
    expect(nodes(c, 'TextBlock').find((b) => b.text === 'WB-2026-00042')).toEqual(expect.objectContaining({ size: 'ExtraLarge', weight: 'Bolder' }));
    expect(text).toContain('De gemeentesecretaris van Gemeente Utrecht neemt je melding in behandeling, bespreekt met jou de maatregelen en doet zo nodig melding of aangifte bij de politie — dat hoef je niet zelf te doen.');
    expect(text).toContain("Met 'mijn meldingen' zie je de voortgang.");
    expect(button(c, 'Mijn meldingen').data).toEqual({ action: 'intake.myCases' });
    expect(render({ kind: 'submitted', case: wethouder, supportLines: [], repeated: false }).summary).toBe('Je melding is ontvangen: WB-2026-00042.');
  });

  it('opens the advice for the level chosen in the intake, as a report already made', () => {
    const c = card({ kind: 'submitted', case: wethouder, supportLines: [], repeated: false });
    expect(wethouder.report.level).toBe(4);
    expect(button(c, 'Advies bij dit gedrag').data).toEqual({ action: 'guidance.level', level: 4, reported: true });
  });

  it('lists the deadlines with their Dutch label, due moment and the time left', () => {
    // Incident Sunday 29 November 21:30; reported Monday 30 November 10:00; a criminal offence is suspected.
    const text = readable(card({ kind: 'submitted', case: wethouder, supportLines: [], repeated: false }));
    expect(text).toContain('Afspraak met de politie\nUiterlijk woensdag 2 december 2026 om 17:00\nNog 2 dagen en 7 uur');
    expect(text).toContain('Maatregelen treffen\nUiterlijk woensdag 2 december 2026 om 21:30\nNog 2 dagen en 11 uur');
    // The incidentgesprek deadline comes only with a proposal that includes one.
    expect(text).not.toContain('Incidentgesprek');
    expect(text).not.toContain('Arbeidsinspectie');
    expect(text).not.toContain('nog niet bekend');
    expect(text).not.toContain('Te laat');
  });

  it('adds the Arbeidsinspectie deadline after an injury', () => {
    const injured = sampleCase({ answers: { injury: 'geestelijk letsel' } });
    const text = readable(card({ kind: 'submitted', case: injured, supportLines: [], repeated: false }));
    expect(text).toContain('Arbeidsinspectie waarschuwen\nUiterlijk maandag 30 november 2026 om 21:30\nNog 11 uur en 30 minuten');
  });

  it('greets a late report calmly: no red, no "te laat", one line that it gets priority', () => {
    const threeHoursLate = new Date(Date.parse('2026-12-02T20:30:00Z') + 3 * 3600 * 1000);
    const c = card({ kind: 'submitted', case: wethouder, supportLines: [], repeated: false }, threeHoursLate);
    const text = readable(c);
    expect(nodes(c, 'TextBlock').filter((b) => b.color === 'Attention')).toEqual([]);
    expect(text).not.toMatch(/te laat|⚠/i);
    // Police (Wednesday 17:00) and measures (Wednesday 21:30) have passed: they are the handler's concern.
    expect(text).not.toContain('Afspraak met de politie');
    expect(text.match(/Je melding krijgt voorrang\./g)).toHaveLength(1);

    // One deadline passed, one still running: the running one stays, neutral.
    const between = new Date('2026-12-02T18:00:00Z');
    const mixed = readable(card({ kind: 'submitted', case: wethouder, supportLines: [], repeated: false }, between));
    expect(mixed).toContain('Maatregelen treffen\nUiterlijk woensdag 2 december 2026 om 21:30\nNog 2 uur en 30 minuten');
    expect(mixed).toContain('Je melding krijgt voorrang.');
    expect(mixed).not.toContain('Afspraak met de politie');
  });

  it('says nothing about priority while every deadline still runs', () => {
    expect(readable(card({ kind: 'submitted', case: wethouder, supportLines: [], repeated: false }))).not.toContain('voorrang');
  });

  it('says when the police deadline was counted without the decree days of a year not yet known', () => {
    // Reported Thursday 28 December 2028: the 2nd working day is Tuesday 2 January 2029; no shipped decree covers 2029.
    const reportedAt = new Date('2028-12-28T09:00:00Z');
    const late2028 = sampleCase({ now: reportedAt, caseNumber: 'WB-2028-00001' });
    const text = readable(card({ kind: 'submitted', case: late2028, supportLines: [], repeated: false }, reportedAt));
    expect(text).toContain(
      'Afspraak met de politie\nUiterlijk dinsdag 2 januari 2029 om 17:00\nNog 5 dagen en 7 uur\nVoor 2029 zijn de bij besluit gelijkgestelde feestdagen (zoals de vrijdag na Hemelvaart) nog niet bekend. Deze termijn is zonder die dagen berekend en valt daardoor misschien een werkdag te vroeg.',
    );
    expect(text.match(/nog niet bekend/g)).toHaveLength(1);
  });

  it('gives a mayor the 24-hour crisis line of the NGB, and an alderman not', () => {
    const mayor = sampleCase({ role: 'burgemeester', caseNumber: 'WB-2026-00043' });
    const mayorText = readable(card({ kind: 'submitted', case: mayor, supportLines: supportLinesFor('burgemeester'), repeated: false }));
    expect(mayorText).toContain('Crisislijn Nederlands Genootschap van Burgemeesters\nBel 070-373 8080');
    expect(mayorText).toContain('Vertrouwenslijn politieke ambtsdragers\nBel 088 5543 288');

    const aldermanText = readable(card({ kind: 'submitted', case: wethouder, supportLines: supportLinesFor('wethouder'), repeated: false }));
    expect(aldermanText).not.toContain('070-373 8080');
    expect(aldermanText).toContain('Vertrouwenslijn politieke ambtsdragers\nBel 088 5543 288');
    expect(aldermanText).toContain('Wethoudersvereniging');
  });

  it('names the handler of a province or water board too', () => {
    const statenlid = sampleCase({ role: 'statenlid', organisationId: 'provincie-utrecht' });
    expect(readable(card({ kind: 'submitted', case: statenlid, supportLines: [], repeated: false })))
      .toContain('De statengriffier van Provincie Utrecht neemt je melding in behandeling');
    const dijkgraaf = sampleCase({ role: 'dijkgraaf', organisationId: 'hdsr' });
    expect(readable(card({ kind: 'submitted', case: dijkgraaf, supportLines: [], repeated: false })))
      .toContain('De secretaris-directeur van Hoogheemraadschap De Stichtse Rijnlanden neemt je melding in behandeling');
  });

  it('says so when the report had already been sent, with the same number', () => {
    const message = render({ kind: 'submitted', case: wethouder, supportLines: supportLinesFor('wethouder'), repeated: true });
    assertValidTeamsCard(message.card);
    const text = readable(message.card);
    expect(text).toContain('Je melding was al verstuurd');
    expect(text).toContain('het nummer blijft WB-2026-00042');
    expect(text).not.toContain('Je melding is ontvangen');
    expect(message.summary).toBe('Je melding WB-2026-00042 was al verstuurd.');
  });
});

describe('an intake started from the advice', () => {
  it('says first that the kind of behaviour is already filled in, and can be changed at the end', () => {
    const message = render({ kind: 'levelChosen', level: 3 });
    expect(message.card).toBeUndefined();
    expect(message.text).toBe('Soort gedrag: (Non-)verbale agressie ("jij"). Dat staat al ingevuld; bij de controle aan het eind kun je het nog wijzigen.');
  });
});

function startKnown(): IntakeDraft {
  return startIntake({ id: 'draft-9', officeHolder: { aadObjectId: 'aad-anna', name: 'Anna' }, knownOffice: { role: 'wethouder', organisationId: 'gemeente-utrecht' } }, now);
}

function answerAll(draft: IntakeDraft, texts: readonly string[]): IntakeDraft {
  let current = draft;
  for (const text of texts) {
    const result = answer(current, { kind: 'text', text }, intakeSampleContext());
    if (!result.ok) throw new Error(result.error);
    current = result.draft;
  }
  return current;
}
