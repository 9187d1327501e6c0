/**
 * Sample view-models for every template in cards/, used by cards.test.ts to render and check each
 * card. Adding a card? Add its samples here: build them with the card's own view-model function, so
 * the samples stay typed, and cover each `$when` branch.
 */
import { myCasesViewModel } from '../../src/teams/my-cases/my-cases-card';
import {
  agreeToMeasures,
  approveMeasures,
  closeCase,
  proposeMeasures,
  recordPerpetratorResponse,
  sendBackProposal,
  submitCase,
  takeCase,
  type Case,
  type CaseStatus,
  type EvaluationInput,
  type MeasureInput,
} from '../../src/domain/case';
import { startIntake, toIncidentReport, type IntakeDraft } from '../../src/domain/intake';
import { answer, currentPrompt, editStep, summarise, type IntakeContext, type IntakePrompt } from '../../src/dialogue/intake';
import { tickChecklistStep } from '../../src/domain/police-checklist';
import type { IncidentReport } from '../../src/domain/report';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { supportLinesFor } from '../../src/domain/support-lines';
import { channelHelpCardViewModel, helpCardViewModel } from '../../src/teams/cards/help-card';
import { guidanceLevelsViewModel, guidanceLevelViewModel, guidancePreventionViewModel } from '../../src/teams/guidance/guidance-cards';
import { directoryWithOwnEscalation, sampleDirectory, threeOrganisationsDirectory } from '../support/directories';
import { BEHAVIOUR_LEVELS } from '../../src/domain/report';
import {
  caseCardViewModel,
  caseErrorViewModel,
  caseProgressViewModel,
  informedNoticeViewModel,
  measuresProposalViewModel,
} from '../../src/teams/case/case-cards';
import { PERMISSION_DENIED_MESSAGE } from '../../src/graph/graph-errors';
import { slotWindows, type CalendarSync, type MeetingRecord, type PlanningForm } from '../../src/app/meeting.service';
import { meetingDeadline, planMeeting, proposeSlots, rescheduleMeeting, cancelMeeting, withEventId, type MeetingKind, type MeetingPlan } from '../../src/domain/meetings';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { meetingPlannedViewModel, meetingPlanViewModel, plannedMeetingInfo } from '../../src/teams/meeting/meeting-cards';
import {
  addressWarningViewModel,
  caseSubmittedViewModel,
  questionCardViewModel,
  safetyAlertViewModel,
  summaryCardViewModel,
} from '../../src/teams/intake/intake-cards';
import { figuresCardSamples } from './figures-card-samples';
import { fileReadyViewModel } from '../../src/teams/files/file-ready-card';

/** The shipped decree days, as the bot uses them without DECREE_DAYS_PATH. */
const workingDays = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);

/** Template name (file name without .json) → view-models to render it with. */
export const cardFixtures: Readonly<Record<string, readonly object[]>> = {
  help: [
    helpCardViewModel({ userName: 'Anna de Vries' }),
    helpCardViewModel(),
    helpCardViewModel({ userName: 'J. de Vries', commands: [{ command: 'help', description: 'Uitleg' }] }),
    helpCardViewModel({ commands: [] }),
  ],
  // Issue 15: the handlers' channel help and the advice cards.
  'help-channel': [
    channelHelpCardViewModel({ userName: 'Peter Jansen', directory: sampleDirectory(), desk: { organisationId: 'gemeente-utrecht', role: 'gemeentesecretaris' } }),
    channelHelpCardViewModel({ directory: sampleDirectory() }),
    channelHelpCardViewModel({ userName: 'Lotte', directory: threeOrganisationsDirectory(), desk: { organisationId: 'hdsr', role: 'secretaris' } }),
    channelHelpCardViewModel({ userName: 'Peter Jansen', directory: directoryWithOwnEscalation(), desk: { organisationId: 'gemeente-utrecht', role: 'griffier' } }),
  ],
  'guidance-levels': [guidanceLevelsViewModel()],
  'guidance-level': [
    ...BEHAVIOUR_LEVELS.map(({ level }) => guidanceLevelViewModel(level)),
    guidanceLevelViewModel(4, { reported: true }),
  ],
  'guidance-prevention': [guidancePreventionViewModel()],
  // Intake (issue 3): prompts and cases come from the real domain functions, see the builders below.
  'intake-question': intakeQuestionSamples(),
  'intake-summary': intakeSummarySamples(),
  'intake-address-warning': [
    addressWarningViewModel({ stepId: 'where', field: 'location', original: 'Bij mij thuis, Kerkstraat 12, 3511 AB Utrecht', withoutAddress: 'Bij mij thuis, [adres verwijderd]' }),
    addressWarningViewModel({ stepId: 'where', field: 'location', original: 'Kerkstraat 12', withoutAddress: '' }),
    addressWarningViewModel(undefined),
  ],
  'intake-confirm-cancel': [{}],
  'safety-alert': [safetyAlertViewModel()],
  'case-submitted': intakeCaseSubmittedSamples(),
  'my-cases': intakeMyCasesSamples(),
  // Case handling (issue 4): cases walked through the real domain functions, see the builders at the end.
  'case-card': [...caseCardSamples(), ...caseCardMeetingSamples()],
  'case-progress': caseProgressSamples(),
  'measures-proposal': measuresProposalSamples(),
  'informed-notice': informedNoticeSamples(),
  // Meeting planning (issue 5): forms and meetings built with the real domain and view-model functions, see the end.
  'meeting-plan': meetingPlanSamples(),
  'meeting-planned': meetingPlannedSamples(),
  // Figures (issue 11): built from sample registrations through the real domain functions.
  figures: figuresCardSamples(),
  'file-ready': [
    fileReadyViewModel(
      'De anonieme registratie van de meldingen van Gemeente Utrecht, 2025-12 tot en met 2026-11 (12 meldingen): een CSV-bestand voor Excel, zonder namen of vrije tekst.',
      'weerbaar-bestuur-registratie-2025-12-tot-2026-11.csv',
      { url: 'https://bot.example/download/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', expiresAt: new Date('2026-12-01T13:35:00Z') },
      new Date('2026-12-01T13:20:00Z'),
    ),
  ],
  'case-error': [
    caseErrorViewModel('Deze stap is in de huidige status van de zaak niet mogelijk.', { caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    caseErrorViewModel('Er ging iets mis.'),
  ],
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
  }, now, workingDays).case;
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
  const steps: CaseSampleStep[] = ['submitted', 'inProgress', 'measuresProposed', 'sentBack', 'measuresAgreed', 'measuresApproved', 'closed'];
  const walked = steps.map((step, i) => caseInStatus(step, { caseNumber: `WB-2026-0010${i}` }));
  return [myCasesViewModel([]), myCasesViewModel([one, { ...one, status: 'inProgress' }]), myCasesViewModel(many), myCasesViewModel(walked, () => 'Peter Jansen')];
}

// ---------------------------------------------------------------------------------------------
// Case handling samples: cases walked to each status through the real domain functions
// ---------------------------------------------------------------------------------------------

/** The AAD object ids of the people in the case samples. */
export function casePeople(): { officeHolder: string; handler: string } {
  return { officeHolder: 'aad-anna', handler: 'aad-handler' };
}

/** The steps a sample case can be walked to; 'sentBack' is 'inProgress' after the office holder sent a proposal back. */
export type CaseSampleStep = CaseStatus | 'sentBack';

/** Monday 30 November 2026, 10:00 in Amsterdam (as intakeSampleNow), plus `minutes`. */
export function caseSampleTime(minutes = 0): Date {
  return new Date(intakeSampleNow().getTime() + minutes * 60_000);
}

/** A level 4 threat with a named perpetrator and a suspected offence (so a police checklist), no injury. */
export function caseSampleReport(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    incidentAt: '2026-11-29T19:30:00Z',
    place: { mode: 'offline', location: 'Raadhuisplein, na de raadsvergadering' },
    description: 'Een man schreeuwde dat hij wist waar ik woon en dat ik moest oppassen.',
    level: 4,
    kinds: ['bedreiging', 'intimidatie'],
    perpetrator: { known: true, type: 'persoon', name: 'Karel Klaassen', characteristics: 'Groene jas, rond de 40', licencePlate: '12-ABC-3' },
    motive: 'Boos over de parkeervergunning.',
    witnesses: 'De bode.',
    evidence: { files: [] },
    injury: [],
    damage: { propertyDamage: false, absenceFromWork: false },
    criminalOffenceSuspected: 'yes',
    feltHindered: true,
    ...overrides,
  };
}

/** The proposal in the samples: a combined meeting, restrictions until 21 December, aftercare. */
export function caseSampleProposal(): MeasureInput[] {
  return [
    { kind: 'combinedMeeting', description: 'Gesprek met de gemeentesecretaris en de bode.' },
    { kind: 'restrictiveMeasures', description: 'Contact alleen via het algemene nummer.', endsAt: new Date('2026-12-21T11:00:00Z') },
    { kind: 'aftercare' },
  ];
}

/** Answers to the four evaluation questions. */
export function caseSampleEvaluation(): EvaluationInput {
  return {
    riskAssessment: 'Ernstig; herhaling is niet uitgesloten.',
    causeAnalysis: 'Onvrede over een besluit.',
    trendAnalysis: 'Tweede incident na een raadsvergadering dit jaar.',
    improvements: 'Beveiliging bij raadsvergaderingen.',
  };
}

/**
 * A case walked to `step` with the real domain functions, half an hour per step from caseSampleTime():
 * taken; measures proposed; agreed (or sent back); approved with police steps 1–3 ticked; a response
 * recorded and closed with the evaluation.
 */
export function caseInStatus(
  step: CaseSampleStep,
  options: { report?: Partial<IncidentReport>; role?: OfficeHolderRole; organisationId?: string; caseNumber?: string; id?: string; proposal?: MeasureInput[] } = {},
): Case {
  const { officeHolder, handler } = casePeople();
  const role = options.role ?? 'wethouder';
  let c = submitCase({
    id: options.id ?? 'c0ffee00-0000-4000-8000-000000000001',
    caseNumber: options.caseNumber ?? 'WB-2026-00042',
    organisationId: options.organisationId ?? 'gemeente-utrecht',
    officeHolder: { aadObjectId: officeHolder, name: 'Anna de Vries', role },
    report: caseSampleReport(options.report),
  }, caseSampleTime(), workingDays).case;
  const order: CaseSampleStep[] = ['submitted', 'inProgress', 'measuresProposed', 'sentBack', 'measuresAgreed', 'measuresApproved', 'closed'];
  const reached = (s: CaseSampleStep): boolean => order.indexOf(step) >= order.indexOf(s) && !(step !== 'sentBack' && s === 'sentBack');
  if (!reached('inProgress')) return c;
  c = takeCase(c, handler, caseSampleTime(30)).case;
  if (!reached('measuresProposed')) return c;
  c = proposeMeasures(c, handler, options.proposal ?? caseSampleProposal(), caseSampleTime(60), { calendar: workingDays, noDamageRecoveryReason: 'De schade is al vergoed door de verzekeraar.' }).case;
  if (step === 'sentBack') return sendBackProposal(c, officeHolder, 'Liever eerst een gesprek, zonder beperkingen.', caseSampleTime(90)).case;
  if (!reached('measuresAgreed')) return c;
  c = agreeToMeasures(c, officeHolder, caseSampleTime(90)).case;
  if (!reached('measuresApproved')) return c;
  c = approveMeasures(c, handler, caseSampleTime(120)).case;
  if (c.policeChecklist !== undefined) {
    for (const s of [1, 2, 3] as const) c = tickChecklistStep(c, s, handler, caseSampleTime(130)).case;
  }
  if (!reached('closed')) return c;
  c = recordPerpetratorResponse(c, { kind: 'given', summary: 'Incidentgesprek gevoerd; contactafspraken bevestigd per brief.' }, handler, caseSampleTime(150)).case;
  // Restrictions still running end with the case (the card says the herstelgesprek went with them).
  return closeCase(c, handler, caseSampleTime(180), caseSampleEvaluation(), 'endNow').case;
}

/** A case closed without measures: taken, "no response possible" recorded, closed with the evaluation. */
export function caseClosedWithoutMeasures(): Case {
  const { handler } = casePeople();
  const taken = caseInStatus('inProgress', { report: { perpetrator: { known: false, type: 'persoon' } } });
  const recorded = recordPerpetratorResponse(taken, { kind: 'notPossible', reason: 'perpetratorUnknown' }, handler, caseSampleTime(60)).case;
  return closeCase(recorded, handler, caseSampleTime(90), caseSampleEvaluation()).case;
}

/**
 * Every free-text field at its maximum length, all measures proposed with the longest description,
 * several proposals sent back with long comments, the police steps ticked: the largest case card.
 * `text(n)` gives the filler; hostile filler shows that escaping cannot push the card over the limit.
 */
export function caseAtMaxLength(step: CaseSampleStep, text: (length: number) => string = (n) => 'lorem ipsum '.repeat(n).slice(0, n)): Case {
  const { officeHolder, handler } = casePeople();
  const long = text(4000);
  const medium = text(2000);
  const short = text(500);
  const report = caseSampleReport({
    place: { mode: 'offline', location: short },
    description: long,
    kinds: ['uitsluiten', 'pesten', 'intimidatie', 'bedreiging', 'discriminatie', 'racisme', 'verbaleAgressie', 'psychischeAgressie', 'onlineAgressie', 'fysiekeAgressie', 'vernieling', 'seksueleIntimidatie'],
    perpetrator: { known: true, type: 'groep', name: short, characteristics: medium, licencePlate: text(20) },
    motive: medium,
    witnesses: medium,
    evidence: {
      files: Array.from({ length: 50 }, (_, i) => ({ fileName: `${'bestand'.repeat(30)}-${i}.pdf`, contentType: 'application/pdf', sizeBytes: 1000, sha256: 'a'.repeat(64), blobName: `blob-${i}` })),
      keptOriginals: medium,
    },
    injury: ['physical', 'mental', 'hospital', 'lasting'],
    damage: { propertyDamage: true, absenceFromWork: true, description: medium },
    aftercareWishes: medium,
  });
  let c = submitCase({
    id: 'c0ffee00-0000-4000-8000-000000000099',
    caseNumber: 'WB-2026-99999',
    organisationId: 'provincie-utrecht',
    officeHolder: { aadObjectId: officeHolder, name: text(200), role: 'commissarisVanDeKoning' },
    report,
  }, caseSampleTime(), workingDays).case;
  if (step === 'submitted') return c;
  c = takeCase(c, handler, caseSampleTime(30)).case;
  const everything: MeasureInput[] = [
    { kind: 'writtenWarning', description: medium },
    { kind: 'incidentMeeting', description: medium },
    { kind: 'restrictiveMeasures', description: medium, endsAt: new Date('2026-12-21T11:00:00Z') },
    { kind: 'restorationMeeting', description: medium },
    { kind: 'combinedMeeting', description: medium },
    { kind: 'policeReport', description: medium },
    { kind: 'damageRecovery', description: medium },
    { kind: 'aftercare', description: medium },
  ];
  // Three rounds sent back: the longest status history a case plausibly gets.
  for (let round = 0; round < 3; round += 1) {
    c = proposeMeasures(c, handler, everything, caseSampleTime(60 + round * 20)).case;
    c = sendBackProposal(c, officeHolder, medium, caseSampleTime(70 + round * 20)).case;
  }
  for (const s of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) c = tickChecklistStep(c, s, handler, caseSampleTime(130)).case;
  c = recordPerpetratorResponse(c, { kind: 'notPossible', reason: 'other', explanation: medium }, handler, caseSampleTime(140)).case;
  if (step === 'inProgress' || step === 'sentBack') return c;
  c = proposeMeasures(c, handler, everything, caseSampleTime(150)).case;
  if (step === 'measuresProposed') return c;
  c = agreeToMeasures(c, officeHolder, caseSampleTime(160), medium).case;
  if (step === 'measuresAgreed') return c;
  c = approveMeasures(c, handler, caseSampleTime(170)).case;
  c = recordPerpetratorResponse(c, { kind: 'given', summary: medium }, handler, caseSampleTime(175)).case;
  if (step === 'measuresApproved') return c;
  return closeCase(c, handler, caseSampleTime(180), { riskAssessment: medium, causeAnalysis: medium, trendAnalysis: medium, improvements: medium }, 'endNow').case;
}

/** Every step a sample case can be walked to, in order. */
export function caseSampleSteps(): CaseSampleStep[] {
  return ['submitted', 'inProgress', 'measuresProposed', 'sentBack', 'measuresAgreed', 'measuresApproved', 'closed'];
}

function caseCardSamples(): object[] {
  const now = caseSampleTime(60 * 24);
  const refreshUserIds = ['29:handler-1', '29:handler-2'];
  const handler = { viewer: 'handler' as const, now, earlierCasesOfPerpetrator: 0, refreshUserIds, handlerName: 'Bram Bakker' };
  return [
    ...caseSampleSteps().map((step) => caseCardViewModel(caseInStatus(step), handler)),
    caseCardViewModel(caseAcrossUncoveredNewYear(), handler),
    ...caseSampleSteps().map((step) => caseCardViewModel(caseAtMaxLength(step), { ...handler, earlierCasesOfPerpetrator: 3 })),
    caseCardViewModel(caseClosedWithoutMeasures(), handler),
    caseCardViewModel(caseInStatus('inProgress', { report: { injury: ['physical'], criminalOffenceSuspected: 'no', level: 3 } }), { ...handler, earlierCasesOfPerpetrator: 2 }),
    caseCardViewModel(caseInStatus('submitted', { role: 'commissarisVanDeKoning', organisationId: 'provincie-utrecht' }), { ...handler, notice: 'Iemand anders heeft deze zaak net bijgewerkt; dit is de actuele stand.' }),
    caseCardViewModel(caseInStatus('measuresProposed'), { ...handler, viewer: 'readOnly', notice: 'Je bent geen afhandelaar van deze zaak; je ziet alleen de stand van zaken.' }),
    caseCardViewModel(caseInStatus('closed'), { ...handler, viewer: 'readOnly', refreshUserIds: [] }),
    caseCardViewModel(caseInStatus('inProgress'), { ...handler, viewer: 'officeHolder' }),
  ];
}

function caseProgressSamples(): object[] {
  const now = caseSampleTime(60 * 24);
  return [
    ...caseSampleSteps().map((step) => caseProgressViewModel(caseInStatus(step), { now, refreshUserIds: ['29:anna'] })),
    caseProgressViewModel(caseAcrossUncoveredNewYear(), { now, refreshUserIds: ['29:anna'] }),
    caseProgressViewModel(caseAtMaxLength('measuresApproved'), { now, refreshUserIds: ['29:anna'], notice: 'De maatregelen zijn vastgesteld.' }),
    caseProgressViewModel(caseClosedWithoutMeasures(), { now, refreshUserIds: [] }),
  ];
}

function measuresProposalSamples(): object[] {
  const now = caseSampleTime(70);
  return [
    ...(['measuresProposed', 'sentBack', 'measuresAgreed', 'measuresApproved', 'closed'] as const).map((step) => measuresProposalViewModel(caseInStatus(step), { now })),
    measuresProposalViewModel(caseAtMaxLength('measuresProposed'), { now }),
  ];
}

function informedNoticeSamples(): object[] {
  return [
    informedNoticeViewModel(caseInStatus('submitted'), { recipientRole: 'burgemeester' }),
    informedNoticeViewModel(caseInStatus('submitted', { role: 'commissarisVanDeKoning', organisationId: 'provincie-utrecht' }), { recipientRole: 'statengriffier' }),
    informedNoticeViewModel(caseAtMaxLength('submitted'), { recipientRole: 'statengriffier' }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Meeting planning samples (issue 5)
// ---------------------------------------------------------------------------------------------

/** A random-looking .ics token of the right shape. */
export function meetingSampleToken(): string {
  return 'Q2FzZS1tZWV0aW5nLXNhbXBsZS10b2tlbi0wMDAwMDA';
}

/** The .ics link a sample meeting gets. */
export function meetingSampleIcsUrl(): string {
  return `https://bot.example.nl/ics/${meetingSampleToken()}`;
}

/** A meeting on the sample case (in progress), planned at caseSampleTime(60) for Tuesday 1 December 12:00, in a room. */
export function meetingSamplePlan(options: { calendar?: 'graph' | 'ics'; kind?: MeetingKind; online?: boolean; date?: string; time?: string; location?: string; id?: string } = {}): MeetingPlan {
  const result = planMeeting(
    {
      kind: options.kind ?? 'incidentMeeting',
      date: options.date ?? '2026-12-01',
      time: options.time ?? '12:00',
      durationMinutes: 60,
      online: options.online ?? false,
      location: options.location ?? 'Stadhuis, spreekkamer 2',
      attendees: [
        { name: 'Bram Bakker', email: 'bram.bakker@utrecht.example', role: 'handler' },
        { name: 'Anna de Vries', email: 'anna.devries@utrecht.example', role: 'officeHolder' },
        { email: 'pleger@example.org', role: 'other' },
      ],
    },
    { id: options.id ?? 'd00dfeed-0000-4000-8000-000000000001', now: caseSampleTime(60), calendar: options.calendar ?? 'graph' },
  );
  if (!result.ok) throw new Error(`sample meeting refused: ${JSON.stringify(result.issues)}`);
  return result.plan;
}

/** A stored meeting with the given plan and calendar state. */
export function meetingSampleRecord(plan: MeetingPlan = meetingSamplePlan(), sync: CalendarSync = { state: 'done', operation: 'create' }, c: Case = caseWithIncidentMeeting()): MeetingRecord {
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    plan: plan.calendar === 'graph' && sync.state === 'done' && plan.eventId === undefined ? withEventId(plan, 'AAMkAGI1AAAt9AHjAAA=') : plan,
    organiser: { aadObjectId: casePeople().handler, email: 'bram.bakker@utrecht.example', name: 'Bram Bakker' },
    icsToken: meetingSampleToken(),
    sync,
    createdAt: caseSampleTime(60),
    updatedAt: caseSampleTime(60),
  };
}

/**
 * A case registered Thursday 28 December 2028 with a suspected offence: its police deadline (Tuesday
 * 2 January 2029) is counted through 2029, a year no shipped decree covers, so the cards say so.
 */
export function caseAcrossUncoveredNewYear(): Case {
  const { officeHolder } = casePeople();
  return submitCase({
    id: 'c0ffee00-0000-4000-8000-000000002028',
    caseNumber: 'WB-2028-00001',
    organisationId: 'gemeente-utrecht',
    officeHolder: { aadObjectId: officeHolder, name: 'Anna de Vries', role: 'wethouder' },
    report: caseSampleReport({ incidentAt: '2028-12-27T20:30:00Z' }),
  }, new Date('2028-12-28T09:00:00Z'), workingDays).case;
}

/** A case whose proposal holds an incidentgesprek with a known perpetrator: it has the 72-hour incidentgesprek deadline. */
export function caseWithIncidentMeeting(): Case {
  return caseInStatus('measuresProposed', { proposal: [{ kind: 'incidentMeeting', description: 'Gesprek met de gemeentesecretaris.' }, { kind: 'aftercare' }] });
}

/** The planning form for a case, with slots from the real slot rules and no busy time. */
export function meetingSampleForm(c: Case = caseWithIncidentMeeting(), overrides: Partial<PlanningForm> = {}): PlanningForm {
  const now = caseSampleTime(60);
  const kind = overrides.kind ?? 'incidentMeeting';
  const deadline = meetingDeadline(kind, c.deadlines);
  const windows = slotWindows(now, deadline, kind);
  const slots = proposeSlots([], windows.primary ?? windows.fallback, 60, workingDays, { maxSlots: 5, maxPerDay: 3 });
  return {
    case: c,
    meetingId: 'd00dfeed-0000-4000-8000-000000000002',
    kind,
    restorationDue: c.deadlines.some((d) => d.kind === 'restorationMeeting'),
    calendar: 'graph',
    ...(deadline === undefined ? {} : { deadline }),
    durationMinutes: 60,
    slots,
    slotsAfterDeadline: windows.primary === undefined,
    checked: ['handler', 'officeHolder'],
    organiser: { name: 'Bram Bakker', email: 'bram.bakker@utrecht.example' },
    officeHolder: { name: 'Anna de Vries', email: 'anna.devries@utrecht.example' },
    coordinator: { name: 'Coördinator VPT', email: 'vpt@provincie-utrecht.example' },
    officeHolderInvited: true,
    ...overrides,
  };
}

function meetingPlanSamples(): object[] {
  const now = caseSampleTime(60);
  const approved = caseInStatus('measuresApproved');
  return [
    meetingPlanViewModel(meetingSampleForm(), { now }),
    meetingPlanViewModel(meetingSampleForm(undefined, { calendar: 'ics', checked: ['handler'], officeHolder: { name: 'Anna de Vries' }, coordinator: { name: 'Coördinator VPT' }, officeHolderInvited: false }), { now }),
    meetingPlanViewModel(meetingSampleForm(undefined, { slots: [], checked: [], availabilityProblem: `Er konden geen vrije tijden worden opgehaald. ${PERMISSION_DENIED_MESSAGE}` }), { now }),
    meetingPlanViewModel(meetingSampleForm(approved, { kind: 'restorationMeeting' }), { now }),
    // No incidentgesprek deadline: none proposed yet, or nobody known to talk to.
    meetingPlanViewModel(meetingSampleForm(caseInStatus('inProgress')), { now }),
    meetingPlanViewModel(meetingSampleForm(caseInStatus('measuresProposed', { report: { perpetrator: { known: false, type: 'persoon' } } })), { now }),
    meetingPlanViewModel(meetingSampleForm(undefined, { organiser: { name: 'Bram Bakker' }, slots: [], checked: [], availabilityProblem: 'Je e-mailadres staat niet in de directory van de bot.' }), { now }),
    meetingPlanViewModel(meetingSampleForm(undefined, { slotsAfterDeadline: true }), {
      now: caseSampleTime(60 * 80),
      issues: [
        { field: 'location', message: 'Vul een locatie in, of kies voor een online gesprek.' },
        { field: 'attendees.2.email', message: 'Dit is geen geldig e-mailadres. (pleger@)' },
      ],
      values: { kind: 'combinedMeeting', slot: 'custom', date: '2026-12-04', time: '15:30', durationMinutes: '45', online: 'false', location: '', inviteOfficeHolder: 'false', inviteCoordinator: 'true', otherEmails: 'pleger@, ${geheim} [x](https://evil.example)' },
    }),
  ];
}

function meetingPlannedSamples(): object[] {
  const now = caseSampleTime(60);
  const c = caseWithIncidentMeeting();
  const url = meetingSampleIcsUrl();
  const late = rescheduleMeeting(meetingSamplePlan(), { kind: 'incidentMeeting', date: '2026-12-07', time: '10:00', durationMinutes: 90, online: true, attendees: meetingSamplePlan().attendees }, now);
  if (!late.ok) throw new Error('sample reschedule refused');
  return [
    meetingPlannedViewModel(meetingSampleRecord(), c, { now, icsUrl: url }),
    meetingPlannedViewModel(meetingSampleRecord(meetingSamplePlan(), { state: 'failed', operation: 'create', failure: { code: 'CALENDAR.PERMISSION_DENIED', message: PERMISSION_DENIED_MESSAGE } }), c, { now, icsUrl: url }),
    meetingPlannedViewModel(meetingSampleRecord(meetingSamplePlan(), { state: 'pending', operation: 'create' }), c, { now, icsUrl: url }),
    meetingPlannedViewModel(meetingSampleRecord(meetingSamplePlan({ calendar: 'ics', online: true })), c, { now, icsUrl: url }),
    meetingPlannedViewModel(meetingSampleRecord(cancelMeeting(meetingSamplePlan({ calendar: 'ics' }))), c, { now, icsUrl: url }),
    meetingPlannedViewModel(meetingSampleRecord(late.plan), c, { now, icsUrl: url, issues: [{ field: 'date', message: 'Een gesprek kan niet in het verleden worden gepland.' }], values: { date: '2026-11-01', time: '09:00' } }),
    meetingPlannedViewModel(meetingSampleRecord(meetingSamplePlan({ location: '[klik](https://evil.example) ${geheim} **vet**' })), caseInStatus('closed'), { now, icsUrl: url }),
  ];
}

function caseCardMeetingSamples(): object[] {
  const now = caseSampleTime(60);
  const c = caseWithIncidentMeeting();
  const url = meetingSampleIcsUrl();
  const handler = { viewer: 'handler' as const, now, earlierCasesOfPerpetrator: 0, refreshUserIds: ['29:handler-1'] };
  const records = [
    meetingSampleRecord(),
    meetingSampleRecord(meetingSamplePlan({ id: 'd00dfeed-0000-4000-8000-000000000003', date: '2026-12-02' }), { state: 'failed', operation: 'create', failure: { code: 'CALENDAR.PERMISSION_DENIED', message: PERMISSION_DENIED_MESSAGE } }),
    meetingSampleRecord(meetingSamplePlan({ id: 'd00dfeed-0000-4000-8000-000000000004', calendar: 'ics', online: true, date: '2026-12-04' })),
    meetingSampleRecord(cancelMeeting(meetingSamplePlan({ id: 'd00dfeed-0000-4000-8000-000000000005', date: '2026-12-03' })), { state: 'done', operation: 'cancel' }),
  ];
  return [
    caseCardViewModel(c, { ...handler, meetings: records.map((r) => plannedMeetingInfo(r, c, url)), notice: 'Incidentgesprek staat op dinsdag 1 december 2026 om 12:00–13:00 in je agenda.' }),
    caseCardViewModel(caseInStatus('closed'), { ...handler, meetings: [plannedMeetingInfo(meetingSampleRecord(), caseInStatus('closed'), url)] }),
    caseCardViewModel(c, { ...handler, viewer: 'readOnly', meetings: records.map((r) => plannedMeetingInfo(r, c, url)) }),
  ];
}
