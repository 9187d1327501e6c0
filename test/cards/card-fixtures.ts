/**
 * Sample view-models for every template in cards/, used by cards.test.ts to render and check each
 * card. Adding a card? Add its samples here: build them with the card's own view-model function, so
 * the samples stay typed, and cover each `$when` branch.
 */
import { submitCase, type Case } from '../../src/domain/case';
import {
  answer,
  currentPrompt,
  editStep,
  startIntake,
  summarise,
  toIncidentReport,
  type IntakeContext,
  type IntakeDraft,
  type IntakePrompt,
} from '../../src/domain/intake';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { supportLinesFor } from '../../src/domain/support-lines';
import { helpCardViewModel } from '../../src/teams/cards/help-card';
import {
  addressWarningViewModel,
  caseSubmittedViewModel,
  myCasesViewModel,
  questionCardViewModel,
  summaryCardViewModel,
} from '../../src/teams/intake/intake-cards';

/** Template name (file name without .json) → view-models to render it with. */
export const cardFixtures: Readonly<Record<string, readonly object[]>> = {
  help: [
    helpCardViewModel({ userName: 'Anna de Vries' }),
    helpCardViewModel(),
    helpCardViewModel({ userName: 'Team Afhandeling', inChannel: true, commands: [{ command: 'help', description: 'Uitleg' }] }),
    helpCardViewModel({ commands: [] }),
  ],
  // Intake (issue 3): prompts and cases come from the real domain functions, see the builders below.
  'intake-question': intakeQuestionSamples(),
  'intake-summary': intakeSummarySamples(),
  'intake-address-warning': [
    addressWarningViewModel({ stepId: 'where', field: 'location', original: 'Bij mij thuis, Kerkstraat 12, 3511 AB Utrecht', withoutAddress: 'Bij mij thuis, [adres verwijderd]' }),
    addressWarningViewModel({ stepId: 'where', field: 'location', original: 'Kerkstraat 12', withoutAddress: '' }),
    addressWarningViewModel(undefined),
  ],
  'intake-confirm-cancel': [{}],
  'safety-alert': [{}],
  'case-submitted': intakeCaseSubmittedSamples(),
  'my-cases': intakeMyCasesSamples(),
};

// ---------------------------------------------------------------------------------------------
// Intake samples: a whole conversation through the real intake flow
// ---------------------------------------------------------------------------------------------

// Functions, not constants: cardFixtures above is built while this module loads.

/** Monday 30 November 2026, 10:00 in Amsterdam. */
export function intakeSampleNow(): Date {
  return new Date('2026-11-30T09:00:00Z');
}

/** A typed answer for every question, in order; each one is accepted by the real flow. */
export function intakeSampleAnswers(): Record<string, string> {
  return {
    safety: 'ja',
    who: 'wethouder in Utrecht',
    when: 'gisteren 21:30',
    where: 'bij het gemeentehuis',
    what: 'Een man schreeuwde dat hij me na de vergadering zou opwachten.',
    level: '4',
    kinds: 'bedreiging, intimidatie',
    perpetrator: 'onbekend, man van rond de 40 met een rode jas',
    witnesses: 'de bode en twee raadsleden',
    evidence: 'klaar',
    injury: 'geen',
    damage: 'nee',
    criminalOffence: 'ja',
    hindrance: 'ja',
    aftercare: 'geen',
  };
}

/** The context the samples run in: a few configured organisations. */
export function intakeSampleContext(now: Date = intakeSampleNow()): IntakeContext {
  return { now, allowedOrganisationIds: ['gemeente-utrecht', 'gemeente-zeist', 'provincie-utrecht', 'hdsr'] };
}

/** Walks the intake with typed answers; returns each question's prompt and the draft at the summary. */
export function walkIntake(
  options: { knownOffice?: { role: OfficeHolderRole; organisationId: string }; answers?: Readonly<Record<string, string>>; now?: Date } = {},
): { prompts: IntakePrompt[]; draft: IntakeDraft } {
  const ctx = intakeSampleContext(options.now);
  const answers = { ...intakeSampleAnswers(), ...options.answers };
  let draft = startIntake({ id: 'draft-1', officeHolder: { aadObjectId: 'aad-anna', name: 'Anna de Vries' }, ...(options.knownOffice ? { knownOffice: options.knownOffice } : {}) }, ctx.now);
  const prompts: IntakePrompt[] = [];
  while (draft.current !== 'summary') {
    const step = draft.current;
    prompts.push(currentPrompt(draft, ctx));
    const result = answer(draft, { kind: 'text', text: answers[step] }, ctx);
    if (!result.ok) throw new Error(`sample answer for ${step} refused: ${result.error}`);
    draft = result.draft;
  }
  return { prompts, draft };
}

/** A case submitted from a finished sample walk. */
export function sampleCase(
  options: { role?: OfficeHolderRole; organisationId?: string; caseNumber?: string; now?: Date; answers?: Readonly<Record<string, string>> } = {},
): Case {
  const role = options.role ?? 'wethouder';
  const organisationId = options.organisationId ?? 'gemeente-utrecht';
  const now = options.now ?? intakeSampleNow();
  const { draft } = walkIntake({ knownOffice: { role, organisationId }, answers: options.answers, now });
  return submitCase({
    id: `case-${options.caseNumber ?? '1'}`,
    caseNumber: options.caseNumber ?? 'WB-2026-00042',
    organisationId,
    officeHolder: { aadObjectId: 'aad-anna', name: 'Anna de Vries', role },
    report: toIncidentReport(draft),
  }, now);
}

function intakeQuestionSamples(): object[] {
  const now = intakeSampleNow();
  const ctx = intakeSampleContext(now);
  const { prompts, draft } = walkIntake();
  // Revisited from the summary: values prefilled, the earlier answer shown.
  const revisits = (['who', 'when', 'where', 'what', 'perpetrator', 'evidence', 'damage', 'aftercare'] as const)
    .map((step) => currentPrompt(editStep(draft, step, now), ctx));
  // A pending home-address choice is asked as a question too.
  const started = startIntake({ id: 'draft-2', officeHolder: { aadObjectId: 'aad-anna', name: 'Anna' }, knownOffice: { role: 'wethouder', organisationId: 'gemeente-utrecht' } }, now);
  let withAddress = started;
  for (const text of ['ja', 'gisteren 21:30', 'Kerkstraat 12, 3511 AB Utrecht']) {
    const result = answer(withAddress, { kind: 'text', text }, ctx);
    if (result.ok) withAddress = result.draft;
  }
  const synthetic: IntakePrompt[] = [
    { stepId: 'witnesses', index: 9, total: 15, title: 'Getuigen', text: 'Wie heeft het gezien?', kind: 'text', optional: true },
    { stepId: 'hindrance', index: 14, total: 15, title: 'Hinder', text: 'Hinder?', kind: 'choice', optional: true, options: [{ value: 'yes', label: 'Ja' }] },
  ];
  return [...prompts, ...revisits, currentPrompt(withAddress, ctx), ...synthetic].map((prompt) => questionCardViewModel(prompt, now));
}

function intakeSummarySamples(): object[] {
  const { draft } = walkIntake();
  const known = walkIntake({ knownOffice: { role: 'burgemeester', organisationId: 'gemeente-zeist' } }).draft;
  const hostile = '[klik](https://evil.example) ${secret} <script>alert(1)</script> **vet** '.repeat(200);
  return [
    summaryCardViewModel(draft.id, summarise(draft)),
    summaryCardViewModel(known.id, summarise(known)),
    summaryCardViewModel('draft-3', [{ stepId: 'what', label: 'Wat er gebeurde', value: hostile, editable: true }]),
  ];
}

function intakeCaseSubmittedSamples(): object[] {
  const wethouder = sampleCase();
  const burgemeester = sampleCase({ role: 'burgemeester', caseNumber: 'WB-2026-00043', answers: { injury: 'geestelijk letsel' } });
  const waterschap = sampleCase({ role: 'algemeenBestuurslid', organisationId: 'hdsr', caseNumber: 'WB-2026-00044' });
  const later = new Date(intakeSampleNow().getTime() + 10 * 24 * 3600 * 1000);
  return [
    caseSubmittedViewModel(wethouder, supportLinesFor('wethouder'), false, intakeSampleNow()),
    caseSubmittedViewModel(burgemeester, supportLinesFor('burgemeester'), true, intakeSampleNow()),
    caseSubmittedViewModel(waterschap, supportLinesFor('algemeenBestuurslid'), false, later),
  ];
}

function intakeMyCasesSamples(): object[] {
  const one = sampleCase();
  const many = Array.from({ length: 23 }, (_, i) => ({ ...one, id: `case-${i}`, caseNumber: `WB-2026-${String(i + 1).padStart(5, '0')}` }));
  return [myCasesViewModel([]), myCasesViewModel([one, { ...one, status: 'inProgress' }]), myCasesViewModel(many)];
}
