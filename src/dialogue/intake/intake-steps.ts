import { DateTime } from 'luxon';
import { z } from 'zod';
import { ORGANISATIONS, ROLES_BY_KIND, findOrganisation, roleFitsOrganisation, type Organisation } from '../organisations';
import {
  BEHAVIOUR_LEVELS,
  CRIMINAL_OFFENCE_ANSWERS,
  CRIMINAL_OFFENCE_ANSWER_LABELS,
  INCIDENT_KINDS,
  INCIDENT_KIND_LABELS,
  INJURIES,
  INJURY_LABELS,
  ONLINE_CHANNELS,
  ONLINE_CHANNEL_LABELS,
  PERPETRATOR_TYPES,
  PERPETRATOR_TYPE_LABELS,
  TEXT_LIMITS,
  type BehaviourLevel,
  type CriminalOffenceAnswer,
  type IncidentKind,
  type IncidentPlace,
  type Injury,
  type OnlineChannel,
  type PerpetratorType,
} from '../report';
import { OFFICE_HOLDER_ROLES, OFFICE_HOLDER_ROLE_LABELS, type OfficeHolderRole } from '../roles';
import { cleanFreeText, parseChoice, parseYesNo, type ChoiceOption } from './free-text';
import {
  INTAKE_VALUE_FIELD,
  MAX_EVIDENCE_FILES,
  NO_INJURY,
  type IntakeAnswer,
  type IntakeAnswers,
  type IntakeContext,
  type IntakeDraft,
  type IntakeNotice,
  type IntakePrompt,
  type IntakeStepId,
} from './intake-draft';
import { INCIDENT_ZONE, parseIncidentTime } from './parse-when';

/**
 * One definition per question of the intake: how it is asked, how a typed answer and a card's
 * form values are read, and how the answer reads back in the summary. The flow (intake-flow.ts)
 * decides the order, the home-address guard and the draft bookkeeping.
 */

/** What a step may look at while reading an answer. */
export interface StepState {
  answers: IntakeAnswers;
  ctx: IntakeContext;
  office?: IntakeDraft['office'];
}

/** The question part of a prompt; the flow adds position, optionality and the current value. */
export type StepQuestion = Pick<IntakePrompt, 'title' | 'text' | 'help' | 'examples' | 'kind' | 'options' | 'fields'>;

/** An accepted answer (maybe staying on the step), or a Dutch explanation. */
export type StepOutcome<V> = { ok: true; value: V; stay?: boolean; notices?: IntakeNotice[] } | { ok: false; error: string };

/** How one question is asked, read and summarised. */
export interface StepDefinition<K extends IntakeStepId> {
  readonly id: K;
  /** The office holder may skip it ("overslaan"). */
  readonly optional: boolean;
  readonly summaryLabel: string;
  /** Free-text keys of the answer checked for a home address, in order. */
  readonly addressFields: readonly string[];
  question(state: StepState): StepQuestion;
  fromText(text: string, state: StepState): StepOutcome<IntakeAnswer<K>>;
  fromForm(values: unknown, state: StepState): StepOutcome<IntakeAnswer<K>>;
  /** The answer stored for "overslaan" (optional steps only). */
  skipped?(state: StepState): IntakeAnswer<K>;
  /** Dutch, one line or a few, for the summary. */
  describe(value: IntakeAnswer<K>): string;
}

/** One definition per step id, typed so each step's answer matches its key in IntakeAnswers. */
export type StepRegistry = { readonly [K in IntakeStepId]: StepDefinition<K> };

// ---------------------------------------------------------------------------------------------
// Reading text
// ---------------------------------------------------------------------------------------------

const NUMBER_FORMAT = new Intl.NumberFormat('nl-NL');
/** Longer raw input is refused before cleaning: nobody types 64 KB into one answer. */
const RAW_TEXT_MAX = 65_536;
/** A short answer (a choice, yes/no) is never longer than this. */
const CHOICE_TEXT_MAX = 300;

/** Lowercase, accents off, punctuation to spaces: for matching words, never for storing. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function hasWord(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/** Words that skip an optional question. */
const SKIP_WORDS = new Set(['overslaan', 'sla over', 'skip', 'geen', 'niets', 'niks', 'nvt', 'n v t', 'niemand', 'geen wensen', 'geen getuigen', 'nee', 'nee dank je', 'nee bedankt']);

/** True for "overslaan" and the like. */
export function isSkipText(text: string): boolean {
  if (text.length > CHOICE_TEXT_MAX) return false;
  const folded = foldWords(text);
  return SKIP_WORDS.has(folded) || (folded !== 'geen idee' && parseYesNo(text) === false);
}

/** True only for an explicit "overslaan", which a required question refuses. */
export function isExplicitSkip(text: string): boolean {
  const folded = text.length > CHOICE_TEXT_MAX ? '' : foldWords(text);
  return folded === 'overslaan' || folded === 'sla over' || folded === 'skip';
}

/** A short chat answer, cleaned; undefined when it is too long to be a choice. */
function choiceText(text: string): string | undefined {
  if (text.length > RAW_TEXT_MAX) return undefined;
  const cleaned = cleanFreeText(text, { maxLength: CHOICE_TEXT_MAX, required: true });
  return cleaned.ok ? cleaned.value : undefined;
}

/** A free-text chat answer, cleaned and checked against the limit. */
function chatText(text: string, maxLength: number): { ok: true; value: string } | { ok: false; error: string } {
  if (text.length > RAW_TEXT_MAX) return { ok: false, error: tooLong(undefined, countCharacters(text), maxLength) };
  const cleaned = cleanFreeText(text, { maxLength, required: true });
  return cleaned.ok ? cleaned : { ok: false, error: cleaned.message };
}

function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function tooLong(label: string | undefined, length: number, maxLength: number): string {
  const what = label === undefined ? 'Je antwoord' : `"${label}"`;
  const size = length > RAW_TEXT_MAX ? `meer dan ${NUMBER_FORMAT.format(RAW_TEXT_MAX)}` : NUMBER_FORMAT.format(length);
  return `${what} is ${size} tekens; het maximum is ${NUMBER_FORMAT.format(maxLength)}. Kort de tekst in.`;
}

/** Splits "bedreiging, online agressie en pesten" into its parts. */
function splitList(text: string): string[] {
  return text
    .split(/[,;/\n+&]|\s(?:en|of|and)\s/iu)
    .map((part) => part.trim())
    .filter((part) => part !== '' && foldWords(part) !== '');
}

function listInDutch(items: readonly string[], last = 'of'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Reading card forms (Action.Submit data: any shape until zod says otherwise)
// ---------------------------------------------------------------------------------------------

const FORM_UNREADABLE = 'Het formulier kon niet worden gelezen. Vul het opnieuw in, of typ je antwoord in de chat.';

/** A text input: cleaned like a chat message; empty becomes undefined. */
function formText(label: string, maxLength: number, required: boolean) {
  return z.unknown().transform((raw, ctx): string | undefined => {
    if (raw === undefined || raw === null) raw = '';
    if (typeof raw !== 'string') {
      ctx.addIssue({ code: 'custom', message: `"${label}" moet tekst zijn.` });
      return z.NEVER;
    }
    if (raw.length > RAW_TEXT_MAX) {
      ctx.addIssue({ code: 'custom', message: tooLong(label, raw.length, maxLength) });
      return z.NEVER;
    }
    const cleaned = cleanFreeText(raw, { maxLength: Number.MAX_SAFE_INTEGER, required: false });
    const value = cleaned.ok ? cleaned.value : '';
    if (value === '') {
      if (required) ctx.addIssue({ code: 'custom', message: `Vul "${label}" in.` });
      return undefined;
    }
    const length = countCharacters(value);
    if (length > maxLength) {
      ctx.addIssue({ code: 'custom', message: tooLong(label, length, maxLength) });
      return z.NEVER;
    }
    return value;
  });
}

const TRUE_WORDS = new Set(['true', 'ja', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'nee', 'no', 'off', '0']);

/** A toggle or yes/no choice: Teams sends "true"/"false" strings. */
function formBoolean(label: string, required: boolean) {
  return z.unknown().transform((raw, ctx): boolean | undefined => {
    if (typeof raw === 'boolean') return raw;
    if (raw === undefined || raw === null || raw === '') {
      if (required) ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" ja of nee.` });
      return undefined;
    }
    const word = typeof raw === 'string' && raw.length < 10 ? raw.trim().toLowerCase() : '';
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" ja of nee.` });
    return z.NEVER;
  });
}

/** One value from a fixed list (a ChoiceSet); numbers are accepted as their text. */
function formChoice<V extends string>(label: string, values: readonly V[], required: boolean) {
  return z.unknown().transform((raw, ctx): V | undefined => {
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' && raw.length < 200 ? raw.trim() : raw;
    if (text === undefined || text === null || text === '') {
      if (required) ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" een van de opties.` });
      return undefined;
    }
    if (typeof text === 'string' && (values as readonly string[]).includes(text)) return text as V;
    ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" een van de opties uit de lijst.` });
    return z.NEVER;
  });
}

/** Several values from a fixed list: a multi-select ChoiceSet sends "a,b"; an array is accepted too. */
function formMultiChoice<V extends string>(label: string, values: readonly V[]) {
  return z.unknown().transform((raw, ctx): V[] => {
    let parts: unknown[];
    if (typeof raw === 'string' && raw.length < 2000) parts = raw.split(',');
    else if (Array.isArray(raw) && raw.length <= 50) parts = raw;
    else if (raw === undefined || raw === null) parts = [];
    else {
      ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" een of meer opties uit de lijst.` });
      return z.NEVER;
    }
    const chosen: V[] = [];
    for (const part of parts) {
      const value = typeof part === 'string' ? part.trim() : part;
      if (value === '') continue;
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" alleen opties uit de lijst.` });
        return z.NEVER;
      }
      if (!chosen.includes(value as V)) chosen.push(value as V);
    }
    return chosen;
  });
}

/** Parses card values with a zod object (unknown keys dropped); the first problem becomes the Dutch error. */
function readForm<T extends z.ZodRawShape>(shape: T, values: unknown): { ok: true; data: z.output<z.ZodObject<T>> } | { ok: false; error: string } {
  const result = z.object(shape).safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const custom = result.error.issues.find((issue) => issue.code === 'custom');
  return { ok: false, error: custom?.message ?? FORM_UNREADABLE };
}

function valueField(label: string, maxLength: number, required: boolean) {
  return { [INTAKE_VALUE_FIELD]: formText(label, maxLength, required) };
}

// ---------------------------------------------------------------------------------------------
// Small builders
// ---------------------------------------------------------------------------------------------

function failure(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function accepted<V>(value: V, extra: { stay?: boolean; notices?: IntakeNotice[] } = {}): StepOutcome<V> {
  return { ok: true, value, ...extra };
}

function labelOptions<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

function yesNo(value: boolean): string {
  return value ? 'Ja' : 'Nee';
}

function toggleValue(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

// ---------------------------------------------------------------------------------------------
// Step: safety
// ---------------------------------------------------------------------------------------------

type Safety = IntakeAnswer<'safety'>;
const SAFETY_LABELS: Readonly<Record<Safety, string>> = { safe: 'Ja, ik ben veilig', unsafe: 'Nee, ik ben niet veilig' };
/** Any of these words makes the answer "not safe": when in doubt, show the urgent guidance. */
const UNSAFE_WORDS = ['niet', 'geen', 'nee', 'onveilig', 'gevaar', 'bedreigd', 'help', 'hulp', '112', 'bang', 'nog niet'];
const SAFETY_OPTIONS: readonly ChoiceOption<Safety>[] = [
  { value: 'safe', labels: ['veilig', 'ik ben veilig', 'ik ben nu veilig', 'verder', 'ga verder', 'ja veilig', 'ok'] },
  { value: 'unsafe', labels: ['onveilig', 'niet veilig'] },
];

function readSafety(value: Safety): StepOutcome<Safety> {
  return value === 'unsafe' ? accepted(value, { stay: true, notices: [{ kind: 'unsafe' }] }) : accepted(value);
}

const safetyStep: StepDefinition<'safety'> = {
  id: 'safety',
  optional: false,
  summaryLabel: 'Veiligheid',
  addressFields: [],
  question: () => ({
    title: 'Veiligheid',
    text: 'Ben je nu veilig? Ben je in acuut gevaar, bel dan eerst 112 en waarschuw je collega\'s of de beveiliging.',
    kind: 'choice',
    options: labelOptions(['safe', 'unsafe'] as const, SAFETY_LABELS),
  }),
  fromText(text) {
    const typed = choiceText(text);
    const folded = typed === undefined ? '' : foldWords(typed);
    if (folded !== '' && UNSAFE_WORDS.some((word) => hasWord(folded, word))) return readSafety('unsafe');
    const yes = typed === undefined ? undefined : parseYesNo(typed);
    const value = yes === undefined ? (typed === undefined ? undefined : parseChoice(typed, SAFETY_OPTIONS)) : yes ? 'safe' : 'unsafe';
    if (value === undefined) {
      return failure('Ben je nu veilig? Typ "ja" of "nee". Ben je in acuut gevaar, bel dan eerst 112.');
    }
    return readSafety(value);
  },
  fromForm(values) {
    const form = readForm(valueChoice('Ben je nu veilig?', ['safe', 'unsafe'] as const), values);
    return form.ok ? readSafety(form.data.value) : form;
  },
  describe: (value) => SAFETY_LABELS[value],
};

function valueChoice<V extends string>(label: string, values: readonly V[]) {
  return {
    [INTAKE_VALUE_FIELD]: formChoice(label, values, true).transform((value, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `Kies bij "${label}" een van de opties.` });
        return z.NEVER;
      }
      return value;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Step: who (role and organisation)
// ---------------------------------------------------------------------------------------------

type Who = IntakeAnswer<'who'>;

const ROLE_WORDS: Readonly<Record<OfficeHolderRole, readonly string[]>> = {
  commissarisVanDeKoning: ['commissaris van de koning', 'cdk', 'commissaris van de koningin', 'commissaris'],
  gedeputeerde: ['gedeputeerde'],
  burgemeester: ['burgemeester', 'burgervader', 'burgemoeder'],
  wethouder: ['wethouder'],
  dijkgraaf: ['dijkgraaf'],
  dagelijksBestuurslid: ['dagelijks bestuurslid', 'dagelijks bestuur', 'db lid', 'heemraad', 'lid dagelijks bestuur'],
  gemeenteraadslid: ['gemeenteraadslid', 'raadslid', 'raadsleden', 'gemeenteraad', 'lid van de gemeenteraad', 'lid gemeenteraad'],
  statenlid: ['statenlid', 'provinciale staten', 'lid provinciale staten', 'lid van provinciale staten'],
  algemeenBestuurslid: ['algemeen bestuurslid', 'algemeen bestuur', 'ab lid', 'lid algemeen bestuur'],
};
const ROLE_OPTIONS: readonly ChoiceOption<OfficeHolderRole>[] = OFFICE_HOLDER_ROLES.map((role) => ({
  value: role,
  labels: [OFFICE_HOLDER_ROLE_LABELS[role], ...ROLE_WORDS[role]],
}));

/** Extra names people use for some organisations. */
const ORGANISATION_WORDS: Readonly<Record<string, readonly string[]>> = {
  'provincie-utrecht': ['provincie', 'utrecht', 'provinciehuis'],
  hdsr: ['hdsr', 'stichtse rijnlanden', 'de stichtse rijnlanden'],
  'waterschap-vallei-en-veluwe': ['vallei en veluwe', 'vallei veluwe'],
  'waterschap-rivierenland': ['rivierenland'],
  'waterschap-agv': ['agv', 'amstel gooi en vecht', 'waternet'],
};

function organisationWords(organisation: Organisation): string[] {
  const words = [organisation.name, ...(ORGANISATION_WORDS[organisation.id] ?? [])];
  if (organisation.kind === 'gemeente') words.push(organisation.name.replace(/^Gemeente /, ''));
  return words.map(foldWords);
}

function allowedOrganisations(ctx: IntakeContext): Organisation[] {
  return ORGANISATIONS.filter((organisation) => ctx.allowedOrganisationIds.includes(organisation.id));
}

/** Organisations a sentence names, longest name first ("Utrechtse Heuvelrug" is not "Utrecht"). */
function organisationsNamed(text: string, organisations: readonly Organisation[]): Organisation[] {
  const folded = foldWords(text);
  let best = 0;
  let found: Organisation[] = [];
  for (const organisation of organisations) {
    const length = Math.max(0, ...organisationWords(organisation).filter((word) => hasWord(folded, word)).map((word) => word.length));
    if (length === 0) continue;
    if (length > best) {
      best = length;
      found = [organisation];
    } else if (length === best) found.push(organisation);
  }
  return found;
}

function kindName(organisation: Organisation): string {
  return organisation.kind === 'provincie' ? 'de provincie' : organisation.kind === 'gemeente' ? 'een gemeente' : 'een waterschap';
}

function roleMismatch(role: OfficeHolderRole, organisation: Organisation): string {
  const roles = ROLES_BY_KIND[organisation.kind].map((r) => OFFICE_HOLDER_ROLE_LABELS[r]);
  return `De functie ${OFFICE_HOLDER_ROLE_LABELS[role]} bestaat niet bij ${organisation.name}. Bij ${kindName(organisation)} kun je kiezen uit: ${listInDutch(roles)}.`;
}

/** Checks a role and organisation against the directory and the routing table. */
function checkOffice(role: OfficeHolderRole, organisationId: string, ctx: IntakeContext): StepOutcome<Who> {
  const organisation = findOrganisation(organisationId);
  if (organisation === undefined || !ctx.allowedOrganisationIds.includes(organisationId)) {
    return failure('Deze organisatie kan nog niet melden via deze bot. Kies je organisatie uit de lijst.');
  }
  if (!roleFitsOrganisation(role, organisationId)) return failure(roleMismatch(role, organisation));
  return accepted({ role, organisationId });
}

function whoFromText(text: string, ctx: IntakeContext): StepOutcome<Who> {
  const example = 'Typ je functie en organisatie, bijvoorbeeld "wethouder in Zeist" of "statenlid", of kies ze in het formulier.';
  const typed = choiceText(text);
  if (typed === undefined) return failure(example);
  const role = parseChoice(typed, ROLE_OPTIONS);
  if (role === undefined) {
    const roles = OFFICE_HOLDER_ROLES.map((r) => OFFICE_HOLDER_ROLE_LABELS[r].replace(/ \(waterschap\)$/, ''));
    return failure(`Ik herken je functie niet. Kies uit: ${listInDutch(roles)}. ${example}`);
  }
  const allowed = allowedOrganisations(ctx);
  const named = organisationsNamed(typed, allowed);
  const fitting = named.filter((organisation) => roleFitsOrganisation(role, organisation.id));
  if (fitting.length === 1) return checkOffice(role, fitting[0].id, ctx);
  if (fitting.length > 1) return failure(`Welke organisatie bedoel je: ${listInDutch(fitting.map((o) => o.name))}?`);
  if (named.length > 0) return failure(roleMismatch(role, named[0]));
  const candidates = allowed.filter((organisation) => roleFitsOrganisation(role, organisation.id));
  if (candidates.length === 1) return checkOffice(role, candidates[0].id, ctx);
  if (candidates.length === 0) return failure(`Er is nog geen organisatie aangesloten waar de functie ${OFFICE_HOLDER_ROLE_LABELS[role]} bestaat.`);
  return failure(`Bij welke organisatie ben je ${ROLE_WORDS[role][0]}? Typ bijvoorbeeld "${ROLE_WORDS[role][0]} ${candidates[0].name}".`);
}

const whoStep: StepDefinition<'who'> = {
  id: 'who',
  optional: false,
  summaryLabel: 'Functie en organisatie',
  addressFields: [],
  question: ({ answers, ctx }) => ({
    title: 'Je functie',
    text: 'Wat is je functie, en bij welke organisatie?',
    help: 'De melding gaat naar de afhandelaar van je eigen organisatie.',
    examples: ['wethouder in Zeist', 'statenlid', 'algemeen bestuurslid HDSR'],
    kind: 'form',
    fields: [
      { id: 'role', label: 'Functie', kind: 'choice', required: true, options: labelOptions(OFFICE_HOLDER_ROLES, OFFICE_HOLDER_ROLE_LABELS), value: answers.who?.role },
      {
        id: 'organisationId',
        label: 'Organisatie',
        kind: 'choice',
        required: true,
        options: allowedOrganisations(ctx).map((o) => ({ value: o.id, label: o.name })),
        value: answers.who?.organisationId,
      },
    ],
  }),
  fromText: (text, { ctx }) => whoFromText(text, ctx),
  fromForm(values, { ctx }) {
    const form = readForm({
      role: formChoice('Functie', OFFICE_HOLDER_ROLES, true),
      organisationId: formChoice('Organisatie', ctx.allowedOrganisationIds, true),
    }, values);
    if (!form.ok) return form;
    const { role, organisationId } = form.data;
    if (role === undefined || organisationId === undefined) return failure(FORM_UNREADABLE);
    return checkOffice(role, organisationId, ctx);
  },
  describe: (value) => `${OFFICE_HOLDER_ROLE_LABELS[value.role]}, ${findOrganisation(value.organisationId)?.name ?? value.organisationId}`,
};

// ---------------------------------------------------------------------------------------------
// Step: when
// ---------------------------------------------------------------------------------------------

type When = IntakeAnswer<'when'>;

function whenFromParser(text: string, now: Date): StepOutcome<When> {
  const parsed = parseIncidentTime(text, now);
  if (!parsed.ok) return failure(parsed.message);
  return accepted({ at: parsed.at.toISOString(), timeKnown: parsed.timeKnown, approximate: parsed.approximate, display: parsed.display });
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^\d{2}:\d{2}(?::\d{2})?$/;

const whenStep: StepDefinition<'when'> = {
  id: 'when',
  optional: false,
  summaryLabel: 'Wanneer',
  addressFields: [],
  question: ({ answers, ctx }) => {
    const local = answers.when === undefined ? undefined : DateTime.fromISO(answers.when.at, { zone: INCIDENT_ZONE });
    const example = DateTime.fromJSDate(ctx.now, { zone: INCIDENT_ZONE }).minus({ days: 7 }).toFormat('d-M-yyyy');
    return {
      title: 'Wanneer',
      text: 'Wanneer gebeurde het?',
      help: 'Typ bijvoorbeeld "gisteren 21:30", of kies een datum en tijd. Weet je de tijd niet precies? Een schatting is goed.',
      examples: ['net', 'vanochtend', 'gisteren 21:30', `${example} 09:30`],
      kind: 'form',
      fields: [
        { id: 'date', label: 'Datum', kind: 'date', required: true, value: local?.toFormat('yyyy-MM-dd') },
        { id: 'time', label: 'Tijd (als je die weet)', kind: 'time', required: false, value: answers.when?.timeKnown ? local?.toFormat('HH:mm') : undefined },
      ],
    };
  },
  fromText(text, { ctx }) {
    const typed = choiceText(text);
    if (typed === undefined) return failure('Typ alleen wanneer het gebeurde, bijvoorbeeld "gisteren 21:30".');
    return whenFromParser(typed, ctx.now);
  },
  fromForm(values, { ctx }) {
    const form = readForm({
      date: z.unknown().transform((raw, zctx) => {
        if (typeof raw === 'string' && DATE_RE.test(raw.trim())) return raw.trim();
        zctx.addIssue({ code: 'custom', message: 'Kies een datum (dag, maand en jaar).' });
        return z.NEVER;
      }),
      time: z.unknown().transform((raw, zctx) => {
        if (raw === undefined || raw === null || raw === '') return undefined;
        if (typeof raw === 'string' && TIME_RE.test(raw.trim())) return raw.trim();
        zctx.addIssue({ code: 'custom', message: 'Geef de tijd als uren:minuten, bijvoorbeeld 21:30, of laat de tijd leeg.' });
        return z.NEVER;
      }),
    }, values);
    if (!form.ok) return form;
    // The same parser as typed text: same zone, same future and age limits, same messages.
    const { date, time } = form.data;
    return whenFromParser(time === undefined ? date : `${date} ${time}`, ctx.now);
  },
  describe: (value) => (value.timeKnown ? value.display : `${value.display} (tijdstip onbekend)`),
};

// ---------------------------------------------------------------------------------------------
// Step: where
// ---------------------------------------------------------------------------------------------

/** Words that name how an incident reached someone; the first that matches wins (most specific first). */
const CHANNEL_WORDS: readonly { channel: OnlineChannel; words: readonly string[]; platforms?: Readonly<Record<string, string>> }[] = [
  { channel: 'voicemail', words: ['voicemail', 'voicemailbericht', 'ingesproken bericht', 'ingesproken', 'voice mail'] },
  {
    channel: 'directBericht',
    words: ['dm', 'dms', 'direct bericht', 'direct message', 'prive bericht', 'privebericht', 'pb', 'sms', 'sms je', 'appje', 'app bericht'],
    platforms: { whatsapp: 'WhatsApp', signal: 'Signal', telegram: 'Telegram', messenger: 'Messenger' },
  },
  { channel: 'email', words: ['e mail', 'email', 'mail', 'mailtje', 'mails', 'e mails', 'emails', 'gemaild', 'mailde', 'per mail'] },
  {
    channel: 'socialeMedia',
    words: ['sociale media', 'social media', 'socials', 'tweet', 'tweets', 'post', 'reactie onder', 'comment'],
    platforms: {
      twitter: 'X (Twitter)', x: 'X (Twitter)', instagram: 'Instagram', insta: 'Instagram', facebook: 'Facebook', fb: 'Facebook',
      tiktok: 'TikTok', linkedin: 'LinkedIn', youtube: 'YouTube', mastodon: 'Mastodon', bluesky: 'Bluesky', threads: 'Threads',
      snapchat: 'Snapchat', reddit: 'Reddit',
    },
  },
  { channel: 'brief', words: ['brief', 'briefje', 'brieven', 'per post', 'ansichtkaart', 'kaartje', 'anonieme brief'] },
  { channel: 'telefoon', words: ['telefoon', 'telefonisch', 'gebeld', 'belde', 'opgebeld', 'beller', 'telefoontje', 'telefoontjes', 'mobiel'] },
];

/** The online channel a typed "where" names, with the platform when one is named. */
export function detectChannel(text: string): { channel: OnlineChannel; platform?: string } | undefined {
  const folded = foldWords(text);
  for (const entry of CHANNEL_WORDS) {
    const platform = Object.keys(entry.platforms ?? {}).find((word) => hasWord(folded, word));
    if (platform !== undefined) return { channel: entry.channel, platform: entry.platforms?.[platform] };
    if (entry.words.some((word) => hasWord(folded, word))) return { channel: entry.channel };
  }
  return undefined;
}

const WHERE_MODES = ['offline', 'online'] as const;
const WHERE_MODE_LABELS: Readonly<Record<(typeof WHERE_MODES)[number], string>> = {
  offline: 'Op een plek (fysiek)',
  online: 'Online, per post of per telefoon',
};

const whereStep: StepDefinition<'where'> = {
  id: 'where',
  optional: false,
  summaryLabel: 'Waar',
  addressFields: ['location', 'detail'],
  question: ({ answers }) => ({
    title: 'Waar',
    text: 'Waar gebeurde het, of hoe bereikte het je?',
    help: 'Noem een plek, zoals "bij het gemeentehuis" of "tijdens de raadsvergadering", of een kanaal: e-mail, brief, telefoon, '
      + 'voicemail, sociale media of een direct bericht. Geef nooit je huisadres: gebeurde het bij je thuis, typ dan "thuis".',
    examples: ['bij het gemeentehuis', 'tijdens de raadsvergadering', 'e-mail', 'Instagram'],
    kind: 'form',
    fields: [
      { id: 'mode', label: 'Hoe', kind: 'choice', required: true, options: labelOptions(WHERE_MODES, WHERE_MODE_LABELS), value: answers.where?.mode },
      { id: 'location', label: 'Plek', kind: 'text', required: false, maxLength: TEXT_LIMITS.short, value: answers.where?.mode === 'offline' ? answers.where.location : undefined },
      {
        id: 'channel', label: 'Kanaal', kind: 'choice', required: false, options: labelOptions(ONLINE_CHANNELS, ONLINE_CHANNEL_LABELS),
        value: answers.where?.mode === 'online' ? answers.where.channel : undefined,
      },
      {
        id: 'detail', label: 'Platform, account of nummer (optioneel)', kind: 'text', required: false, maxLength: TEXT_LIMITS.short,
        value: answers.where?.mode === 'online' ? answers.where.detail : undefined,
      },
    ],
  }),
  fromText(text) {
    const typed = chatText(text, TEXT_LIMITS.short);
    if (!typed.ok) return typed;
    const found = detectChannel(typed.value);
    if (found === undefined) return accepted({ mode: 'offline', location: typed.value });
    // A bare channel name ("e-mail", "Instagram") needs no detail beyond the platform.
    const bare = foldWords(typed.value).split(' ').length <= 2;
    const detail = bare ? found.platform : typed.value;
    return accepted(detail === undefined ? { mode: 'online', channel: found.channel } : { mode: 'online', channel: found.channel, detail });
  },
  fromForm(values) {
    const form = readForm({
      mode: formChoice('Hoe', WHERE_MODES, false),
      location: formText('Plek', TEXT_LIMITS.short, false),
      channel: formChoice('Kanaal', ONLINE_CHANNELS, false),
      detail: formText('Platform, account of nummer', TEXT_LIMITS.short, false),
    }, values);
    if (!form.ok) return form;
    const { location, channel, detail } = form.data;
    const mode = form.data.mode ?? (channel !== undefined ? 'online' : location !== undefined ? 'offline' : undefined);
    if (mode === 'offline') {
      return location === undefined ? failure('Vul de plek in waar het gebeurde (geen huisadres).') : accepted({ mode, location });
    }
    if (mode === 'online') {
      if (channel === undefined) return failure(`Kies het kanaal: ${listInDutch(ONLINE_CHANNELS.map((c) => ONLINE_CHANNEL_LABELS[c].toLowerCase()))}.`);
      return accepted(detail === undefined ? { mode, channel } : { mode, channel, detail });
    }
    return failure('Vul de plek in waar het gebeurde, of kies hoe het je bereikte.');
  },
  describe: (value: IncidentPlace) => (value.mode === 'offline'
    ? value.location
    : value.detail === undefined ? ONLINE_CHANNEL_LABELS[value.channel] : `${ONLINE_CHANNEL_LABELS[value.channel]}: ${value.detail}`),
};

// ---------------------------------------------------------------------------------------------
// Step: what
// ---------------------------------------------------------------------------------------------

const whatStep: StepDefinition<'what'> = {
  id: 'what',
  optional: false,
  summaryLabel: 'Wat er gebeurde',
  addressFields: ['description', 'motive'],
  question: ({ answers }) => ({
    title: 'Wat gebeurde er',
    text: 'Wat gebeurde er? Beschrijf wat er werd gezegd of gedaan, waarmee en hoe.',
    help: 'Schrijf het zo volledig mogelijk op, in je eigen woorden. Noem geen huisadressen.',
    kind: 'form',
    fields: [
      { id: 'description', label: 'Wat er gebeurde', kind: 'longText', required: true, maxLength: TEXT_LIMITS.long, value: answers.what?.description },
      { id: 'motive', label: 'Waarom denk je dat het gebeurde? (optioneel)', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium, value: answers.what?.motive },
    ],
  }),
  fromText(text) {
    const typed = chatText(text, TEXT_LIMITS.long);
    return typed.ok ? accepted({ description: typed.value }) : typed;
  },
  fromForm(values) {
    const form = readForm({
      description: formText('Wat er gebeurde', TEXT_LIMITS.long, true),
      motive: formText('Waarom', TEXT_LIMITS.medium, false),
    }, values);
    if (!form.ok) return form;
    const { description, motive } = form.data;
    if (description === undefined) return failure('Vul in wat er gebeurde.');
    return accepted(motive === undefined ? { description } : { description, motive });
  },
  describe: (value) => (value.motive === undefined ? value.description : `${value.description}\nWaarom: ${value.motive}`),
};

// ---------------------------------------------------------------------------------------------
// Step: level (the ik–jullie–jij ladder)
// ---------------------------------------------------------------------------------------------

const LEVEL_VALUES = ['1', '2', '3', '4', '5'] as const;
/** The ladder's pronouns match only on their own: "weet ik veel" is no level 1. */
const LEVEL_PRONOUNS: Readonly<Record<string, (typeof LEVEL_VALUES)[number]>> = { ik: '1', jullie: '2', jij: '3', je: '3' };
const LEVEL_WORDS: Readonly<Record<BehaviourLevel, readonly string[]>> = {
  1: ['klagen', 'emotioneel ik'],
  2: ['kritiek', 'emotioneel jullie'],
  3: ['agressie', 'verbale agressie', 'schelden', 'uitschelden', 'grof'],
  4: ['bedreiging', 'bedreigd', 'dreigen', 'intimidatie', 'geintimideerd', 'seksuele intimidatie'],
  5: ['fysiek geweld', 'geweld', 'fysiek', 'geslagen', 'geschopt', 'bespuugd', 'vernieling'],
};
const LEVEL_OPTIONS: readonly ChoiceOption<(typeof LEVEL_VALUES)[number]>[] = BEHAVIOUR_LEVELS.map((level) => ({
  value: String(level.level) as (typeof LEVEL_VALUES)[number],
  labels: [level.title, ...LEVEL_WORDS[level.level]],
}));

function toLevel(value: (typeof LEVEL_VALUES)[number]): BehaviourLevel {
  return Number(value) as BehaviourLevel;
}

const levelStep: StepDefinition<'level'> = {
  id: 'level',
  optional: false,
  summaryLabel: 'Soort gedrag',
  addressFields: [],
  question: () => ({
    title: 'Soort gedrag',
    text: 'Welk gedrag past het best bij wat er gebeurde?',
    help: 'Typ het nummer (1 tot en met 5) of de naam, bijvoorbeeld "bedreiging".',
    kind: 'choice',
    options: BEHAVIOUR_LEVELS.map((level) => ({ value: String(level.level), label: `${level.level}. ${level.title}`, explanation: level.explanation })),
  }),
  fromText(text) {
    const typed = choiceText(text);
    const value = typed === undefined ? undefined : LEVEL_PRONOUNS[foldWords(typed)] ?? parseChoice(typed, LEVEL_OPTIONS);
    if (value === undefined) {
      return failure(`Kies een nummer van 1 tot en met 5: ${BEHAVIOUR_LEVELS.map((l) => `${l.level} ${l.title}`).join(', ')}.`);
    }
    return accepted(toLevel(value));
  },
  fromForm(values) {
    const form = readForm(valueChoice('Soort gedrag', LEVEL_VALUES), values);
    return form.ok ? accepted(toLevel(form.data.value)) : form;
  },
  describe: (value) => `${value}. ${BEHAVIOUR_LEVELS[value - 1].title}`,
};

// ---------------------------------------------------------------------------------------------
// Step: kinds
// ---------------------------------------------------------------------------------------------

const KIND_WORDS: Partial<Readonly<Record<IncidentKind, readonly string[]>>> = {
  uitsluiten: ['uitgesloten', 'buitengesloten'],
  pesten: ['gepest'],
  bedreiging: ['bedreigd', 'dreigen', 'doodsbedreiging'],
  intimidatie: ['geintimideerd'],
  discriminatie: ['gediscrimineerd'],
  verbaleAgressie: ['verbaal', 'schelden', 'uitgescholden'],
  psychischeAgressie: ['psychisch'],
  onlineAgressie: ['online'],
  fysiekeAgressie: ['fysiek', 'geslagen', 'geschopt', 'bespuugd'],
  vernieling: ['vernield', 'kapot'],
  seksueleIntimidatie: ['seksueel', 'seksuele'],
};
const KIND_OPTIONS: readonly ChoiceOption<IncidentKind>[] = INCIDENT_KINDS.map((kind) => ({
  value: kind,
  labels: [INCIDENT_KIND_LABELS[kind], ...(KIND_WORDS[kind] ?? [])],
}));

/** Reads a typed list against options; the error names the first part it did not recognise. */
function readList<V extends string>(text: string, options: readonly ChoiceOption<V>[]): { ok: true; values: V[] } | { ok: false; part?: string } {
  const typed = choiceText(text);
  if (typed === undefined) return { ok: false };
  const values: V[] = [];
  for (const part of splitList(typed)) {
    const value = parseChoice(part, options);
    if (value === undefined) return { ok: false, part: part.slice(0, 60) };
    if (!values.includes(value)) values.push(value);
  }
  return values.length === 0 ? { ok: false } : { ok: true, values };
}

const kindsStep: StepDefinition<'kinds'> = {
  id: 'kinds',
  optional: false,
  summaryLabel: 'Vorm van het gedrag',
  addressFields: [],
  question: () => ({
    title: 'Vorm',
    text: 'Welke vormen van grensoverschrijdend gedrag waren het? Kies er een of meer.',
    help: 'Typ ze gescheiden door komma\'s, bijvoorbeeld "bedreiging, online agressie".',
    examples: ['bedreiging, online agressie', 'verbale agressie'],
    kind: 'multiChoice',
    options: labelOptions(INCIDENT_KINDS, INCIDENT_KIND_LABELS),
  }),
  fromText(text) {
    const read = readList(text, KIND_OPTIONS);
    if (read.ok) return accepted(read.values);
    const choices = INCIDENT_KINDS.map((kind) => INCIDENT_KIND_LABELS[kind].toLowerCase()).join(', ');
    const unknown = read.part === undefined ? '' : `Ik herken "${read.part}" niet. `;
    return failure(`${unknown}Kies een of meer van: ${choices}. Scheid ze met komma's.`);
  },
  fromForm(values) {
    const form = readForm({ [INTAKE_VALUE_FIELD]: formMultiChoice('Vorm', INCIDENT_KINDS) }, values);
    if (!form.ok) return form;
    const kinds = form.data[INTAKE_VALUE_FIELD];
    return kinds.length === 0 ? failure('Kies minstens een vorm van gedrag.') : accepted(kinds);
  },
  describe: (value) => value.map((kind) => INCIDENT_KIND_LABELS[kind]).join(', '),
};

// ---------------------------------------------------------------------------------------------
// Step: perpetrator
// ---------------------------------------------------------------------------------------------

type PerpetratorAnswer = IntakeAnswer<'perpetrator'>;

/** Dutch licence plates: six letters and digits in three groups ("12-ABC-3", "AB-123-C", "1-ABC-23"). */
const PLATE_IN_TEXT_RE = /(?<![\p{L}\p{N}-])([A-Za-z0-9]{1,3})-([A-Za-z0-9]{1,3})-([A-Za-z0-9]{1,3})(?![\p{L}\p{N}-])/u;

/** A light check of a Dutch licence plate; normalised to upper case with dashes, or undefined. */
export function normaliseLicencePlate(text: string): string | undefined {
  const compact = text.trim().toUpperCase().replace(/[\s.]+/g, '-').replace(/-+/g, '-');
  const groups = compact.split('-');
  const characters = groups.join('');
  if (!/^[A-Z0-9]{6}$/.test(characters) || !/[A-Z]/.test(characters) || !/[0-9]/.test(characters)) return undefined;
  if (groups.length === 1) return characters;
  if (groups.length !== 3 || groups.some((g) => g.length === 0 || g.length > 3)) return undefined;
  // Each group is all letters or all digits on a Dutch plate.
  if (groups.some((g) => !/^(?:[A-Z]+|[0-9]+)$/.test(g))) return undefined;
  return groups.join('-');
}

const UNKNOWN_PERPETRATOR_RE = /^(?:onbekend|weet ik niet|geen idee|anoniem|niet bekend|een onbekende)\b[\s,:;.-]*/iu;
const PERPETRATOR_TYPE_WORDS: readonly { type: PerpetratorType; words: readonly string[] }[] = [
  { type: 'bedrijf', words: ['bedrijf', 'een bedrijf', 'firma'] },
  { type: 'organisatie', words: ['organisatie', 'een organisatie', 'actiegroep', 'vereniging', 'stichting'] },
  { type: 'groep', words: ['groep', 'een groep', 'collectief', 'groepje'] },
];
const PLATE_ERROR = 'Dit lijkt geen Nederlands kenteken. Schrijf het zoals op de plaat, bijvoorbeeld 12-ABC-3 of AB-123-C. '
  + 'Een buitenlands kenteken kun je bij de kenmerken zetten.';

function typeFromText(text: string): PerpetratorType {
  const first = foldWords(text).split(' ').slice(0, 2).join(' ');
  return PERPETRATOR_TYPE_WORDS.find((entry) => entry.words.some((word) => first === word || first.startsWith(`${word} `)))?.type ?? 'persoon';
}

const perpetratorStep: StepDefinition<'perpetrator'> = {
  id: 'perpetrator',
  optional: false,
  summaryLabel: 'Pleger',
  addressFields: ['name', 'characteristics'],
  question: ({ answers }) => ({
    title: 'Pleger',
    text: 'Wie deed het? Vul in wat je weet: naam of account, kenmerken, kenteken.',
    help: 'Weet je niet wie het was? Typ "onbekend", of begin met "onbekend" en beschrijf de persoon, bijvoorbeeld: '
      + '"onbekend, man van rond de 40 met een rode jas". Maak alleen een foto van de pleger als dat niemand in gevaar brengt.',
    examples: ['onbekend', 'onbekend, man van rond de 40 met een rode jas'],
    kind: 'form',
    fields: [
      { id: 'known', label: 'Ik weet wie het was', kind: 'toggle', required: true, value: toggleValue(answers.perpetrator?.known) },
      { id: 'type', label: 'Soort pleger', kind: 'choice', required: true, options: labelOptions(PERPETRATOR_TYPES, PERPETRATOR_TYPE_LABELS), value: answers.perpetrator?.type ?? 'persoon' },
      { id: 'name', label: 'Naam of account (ook als je alleen een schermnaam weet)', kind: 'text', required: false, maxLength: TEXT_LIMITS.short, value: answers.perpetrator?.name },
      { id: 'characteristics', label: 'Kenmerken (uiterlijk, kleding, voertuig)', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium, value: answers.perpetrator?.characteristics },
      { id: 'licencePlate', label: 'Kenteken', kind: 'text', required: false, maxLength: TEXT_LIMITS.licencePlate, value: answers.perpetrator?.licencePlate },
    ],
  }),
  fromText(text) {
    const typed = chatText(text, TEXT_LIMITS.medium);
    if (!typed.ok) return typed;
    const unknown = UNKNOWN_PERPETRATOR_RE.exec(typed.value);
    const rest = unknown === null ? typed.value : typed.value.slice(unknown[0].length).trim();
    const answer: PerpetratorAnswer = { known: unknown === null, type: typeFromText(rest) };
    if (rest !== '') answer.characteristics = rest;
    const plate = PLATE_IN_TEXT_RE.exec(rest);
    const normalised = plate === null ? undefined : normaliseLicencePlate(plate[0]);
    if (normalised !== undefined) answer.licencePlate = normalised;
    return accepted(answer);
  },
  fromForm(values) {
    const form = readForm({
      known: formBoolean('Ik weet wie het was', true),
      type: formChoice('Soort pleger', PERPETRATOR_TYPES, false),
      name: formText('Naam of account', TEXT_LIMITS.short, false),
      characteristics: formText('Kenmerken', TEXT_LIMITS.medium, false),
      licencePlate: formText('Kenteken', TEXT_LIMITS.licencePlate, false),
    }, values);
    if (!form.ok) return form;
    const { known, type, name, characteristics, licencePlate } = form.data;
    if (known === undefined) return failure('Kies bij "Ik weet wie het was" ja of nee.');
    const answer: PerpetratorAnswer = { known, type: type ?? 'persoon' };
    if (name !== undefined) answer.name = name;
    if (characteristics !== undefined) answer.characteristics = characteristics;
    if (licencePlate !== undefined) {
      const plate = normaliseLicencePlate(licencePlate);
      if (plate === undefined) return failure(PLATE_ERROR);
      answer.licencePlate = plate;
    }
    return accepted(answer);
  },
  describe: (value) => [
    value.known ? 'Bekend' : 'Onbekend',
    PERPETRATOR_TYPE_LABELS[value.type].toLowerCase(),
    value.name === undefined ? undefined : `naam of account: ${value.name}`,
    value.characteristics === undefined ? undefined : `kenmerken: ${value.characteristics}`,
    value.licencePlate === undefined ? undefined : `kenteken: ${value.licencePlate}`,
  ].filter((part) => part !== undefined).join('; '),
};

// ---------------------------------------------------------------------------------------------
// Step: witnesses
// ---------------------------------------------------------------------------------------------

const witnessesStep: StepDefinition<'witnesses'> = {
  id: 'witnesses',
  optional: true,
  summaryLabel: 'Getuigen',
  addressFields: ['text'],
  question: ({ answers }) => ({
    title: 'Getuigen',
    text: 'Wie heeft het gezien of gehoord? Typ "geen" als er geen getuigen waren.',
    help: 'Noem namen of functies, bijvoorbeeld "de bode en twee raadsleden". Geen huisadressen.',
    kind: 'text',
    fields: [{ id: INTAKE_VALUE_FIELD, label: 'Getuigen', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium, value: answers.witnesses?.text }],
  }),
  fromText(text) {
    const typed = chatText(text, TEXT_LIMITS.medium);
    return typed.ok ? accepted({ text: typed.value }) : typed;
  },
  fromForm(values) {
    const form = readForm(valueField('Getuigen', TEXT_LIMITS.medium, false), values);
    if (!form.ok) return form;
    const text = form.data[INTAKE_VALUE_FIELD];
    return accepted(text === undefined || isSkipText(text) ? {} : { text });
  },
  skipped: () => ({}),
  describe: (value) => value.text ?? 'Geen',
};

// ---------------------------------------------------------------------------------------------
// Step: evidence
// ---------------------------------------------------------------------------------------------

const DONE_WORDS = new Set(['klaar', 'ik ben klaar', 'dat was het', 'dat is alles', 'verder', 'ga verder', 'door', 'volgende', 'klaar ermee', 'gedaan']);

function existingEvidence(answers: IntakeAnswers): IntakeAnswer<'evidence'> {
  return answers.evidence ?? { files: [], done: false };
}

const evidenceStep: StepDefinition<'evidence'> = {
  id: 'evidence',
  optional: true,
  summaryLabel: 'Bewijs',
  addressFields: ['keptOriginals'],
  question: ({ answers }) => {
    const count = answers.evidence?.files.length ?? 0;
    const added = count === 0 ? '' : ` Je hebt ${count === 1 ? '1 bestand' : `${count} bestanden`} toegevoegd.`;
    return {
      title: 'Bewijs',
      text: 'Heb je brieven, e-mails, voicemails, berichten of foto\'s? Stuur ze als bijlage in deze chat. '
        + `Bewaar altijd de originelen: de melding krijgt een kopie.${added}`,
      help: `Typ "klaar" als je alles hebt gestuurd, of "geen" als je niets hebt. Je kunt maximaal ${MAX_EVIDENCE_FILES} bestanden toevoegen.`,
      kind: 'files',
      fields: [{
        id: 'keptOriginals', label: 'Waar bewaar je de originelen? (optioneel)', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium,
        value: answers.evidence?.keptOriginals,
      }],
    };
  },
  fromText(text, { answers }) {
    const evidence = existingEvidence(answers);
    if (text.length <= CHOICE_TEXT_MAX && (DONE_WORDS.has(foldWords(text)) || isSkipText(text))) return accepted({ ...evidence, done: true });
    // Anything else answers "where are the originals kept?".
    const typed = chatText(text, TEXT_LIMITS.medium);
    return typed.ok ? accepted({ ...evidence, keptOriginals: typed.value, done: true }) : typed;
  },
  fromForm(values, { answers }) {
    // The card's only button is "Klaar": a submitted form always moves on.
    const form = readForm({ keptOriginals: formText('Waar je de originelen bewaart', TEXT_LIMITS.medium, false) }, values);
    if (!form.ok) return form;
    const { files } = existingEvidence(answers);
    const { keptOriginals } = form.data;
    return accepted(keptOriginals === undefined ? { files, done: true } : { files, keptOriginals, done: true });
  },
  skipped: ({ answers }) => ({ ...existingEvidence(answers), done: true }),
  describe: (value) => {
    const files = value.files.length === 0
      ? 'Geen bestanden'
      : `${value.files.length === 1 ? '1 bestand' : `${value.files.length} bestanden`}: ${value.files.map((f) => f.fileName).join(', ')}`;
    return value.keptOriginals === undefined ? files : `${files}\nOriginelen: ${value.keptOriginals}`;
  },
};

// ---------------------------------------------------------------------------------------------
// Step: injury
// ---------------------------------------------------------------------------------------------

type InjuryChoice = Injury | typeof NO_INJURY;
const INJURY_CHOICES: readonly InjuryChoice[] = [NO_INJURY, ...INJURIES];
const INJURY_CHOICE_LABELS: Readonly<Record<InjuryChoice, string>> = { [NO_INJURY]: 'Geen letsel', ...INJURY_LABELS };
const INJURY_WORDS: Readonly<Record<InjuryChoice, readonly string[]>> = {
  [NO_INJURY]: ['geen', 'nee', 'niets', 'geen letsel'],
  physical: ['lichamelijk', 'fysiek', 'fysiek letsel', 'gewond'],
  mental: ['geestelijk', 'psychisch', 'psychisch letsel', 'emotioneel'],
  hospital: ['ziekenhuis', 'ziekenhuisopname', 'opname', 'opgenomen'],
  lasting: ['blijvend', 'blijvende schade', 'blijvend letsel'],
  death: ['overleden', 'dood'],
};
const INJURY_OPTIONS: readonly ChoiceOption<InjuryChoice>[] = INJURY_CHOICES.map((value) => ({
  value,
  labels: [INJURY_CHOICE_LABELS[value], ...INJURY_WORDS[value]],
}));
const INJURY_EXCLUSIVE = '"Geen letsel" kan niet samen met ander letsel. Kies "geen letsel", of alleen het letsel dat je opliep.';

function readInjury(choices: readonly InjuryChoice[]): StepOutcome<Injury[]> {
  if (choices.length === 0) return failure('Kies "geen letsel", of het letsel dat je opliep.');
  if (choices.includes(NO_INJURY)) return choices.length === 1 ? accepted([]) : failure(INJURY_EXCLUSIVE);
  return accepted(choices.filter((choice): choice is Injury => choice !== NO_INJURY));
}

const injuryStep: StepDefinition<'injury'> = {
  id: 'injury',
  optional: false,
  summaryLabel: 'Letsel',
  addressFields: [],
  question: () => ({
    title: 'Letsel',
    text: 'Heb je letsel opgelopen? Kies alles wat van toepassing is.',
    help: 'Geestelijk letsel telt ook: bijvoorbeeld slapeloosheid of angst na het incident.',
    kind: 'multiChoice',
    options: labelOptions(INJURY_CHOICES, INJURY_CHOICE_LABELS),
  }),
  fromText(text) {
    if (text.length <= CHOICE_TEXT_MAX && parseYesNo(text) === false) return accepted([]);
    const read = readList(text, INJURY_OPTIONS);
    if (read.ok) return readInjury(read.values);
    const choices = INJURY_CHOICES.map((choice) => INJURY_CHOICE_LABELS[choice].toLowerCase());
    return failure(`${read.part === undefined ? '' : `Ik herken "${read.part}" niet. `}Kies uit: ${choices.join(', ')}.`);
  },
  fromForm(values) {
    const form = readForm({ [INTAKE_VALUE_FIELD]: formMultiChoice('Letsel', INJURY_CHOICES) }, values);
    return form.ok ? readInjury(form.data[INTAKE_VALUE_FIELD]) : form;
  },
  describe: (value) => (value.length === 0 ? 'Geen letsel' : value.map((injury) => INJURY_LABELS[injury]).join(', ')),
};

// ---------------------------------------------------------------------------------------------
// Step: damage
// ---------------------------------------------------------------------------------------------

/** Stems, matched inside words too ("autoschade", "ingegooid"). */
const PROPERTY_STEMS = ['schade', 'kapot', 'vernield', 'vernietigd', 'beschadigd', 'gestolen', 'bekrast', 'ingegooid', 'ingeslagen', 'gebroken', 'beklad'];
const ABSENCE_WORDS = ['verzuim', 'ziek', 'ziekgemeld', 'afwezig', 'thuis gebleven', 'niet werken', 'niet gewerkt', 'vrij genomen', 'verlof', 'niet kunnen werken'];
const DAMAGE_HELP = 'Typ "nee" als er geen schade of verzuim was, of beschrijf de schade (bijvoorbeeld "ruit van mijn auto ingegooid") '
  + 'of het verzuim (bijvoorbeeld "twee dagen niet kunnen werken").';

const damageStep: StepDefinition<'damage'> = {
  id: 'damage',
  optional: false,
  summaryLabel: 'Schade en verzuim',
  addressFields: ['description'],
  question: ({ answers }) => ({
    title: 'Schade en verzuim',
    text: 'Is er schade aan spullen, of kon je door het incident niet werken?',
    help: `Schade en verzuim worden altijd verhaald op de pleger. ${DAMAGE_HELP}`,
    kind: 'form',
    fields: [
      { id: 'propertyDamage', label: 'Schade aan spullen (van jou of je organisatie)', kind: 'toggle', required: true, value: toggleValue(answers.damage?.propertyDamage ?? false) },
      { id: 'absence', label: 'Niet kunnen werken (verzuim)', kind: 'toggle', required: true, value: toggleValue(answers.damage?.absenceFromWork ?? false) },
      { id: 'description', label: 'Toelichting (optioneel)', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium, value: answers.damage?.description },
    ],
  }),
  fromText(text) {
    if (text.length <= CHOICE_TEXT_MAX && isSkipText(text)) return accepted({ propertyDamage: false, absenceFromWork: false });
    const typed = chatText(text, TEXT_LIMITS.medium);
    if (!typed.ok) return typed;
    const folded = foldWords(typed.value);
    const propertyDamage = PROPERTY_STEMS.some((stem) => folded.includes(stem));
    const absenceFromWork = ABSENCE_WORDS.some((word) => hasWord(folded, word));
    if (!propertyDamage && !absenceFromWork) return failure(DAMAGE_HELP);
    return accepted({ propertyDamage, absenceFromWork, description: typed.value });
  },
  fromForm(values) {
    const form = readForm({
      propertyDamage: formBoolean('Schade aan spullen', true),
      absence: formBoolean('Niet kunnen werken', true),
      description: formText('Toelichting', TEXT_LIMITS.medium, false),
    }, values);
    if (!form.ok) return form;
    const { propertyDamage, absence, description } = form.data;
    if (propertyDamage === undefined || absence === undefined) return failure(FORM_UNREADABLE);
    const damage = { propertyDamage, absenceFromWork: absence };
    return accepted(description === undefined ? damage : { ...damage, description });
  },
  describe: (value) => {
    const line = `Schade aan spullen: ${yesNo(value.propertyDamage).toLowerCase()}; verzuim: ${yesNo(value.absenceFromWork).toLowerCase()}`;
    return value.description === undefined ? line : `${line}\n${value.description}`;
  },
};

// ---------------------------------------------------------------------------------------------
// Step: criminal offence
// ---------------------------------------------------------------------------------------------

const CRIMINAL_OPTIONS: readonly ChoiceOption<CriminalOffenceAnswer>[] = [
  { value: 'yes', labels: ['ja', 'ja denk ik', 'vermoedelijk', 'waarschijnlijk'] },
  { value: 'no', labels: ['nee', 'denk het niet'] },
  { value: 'unsure', labels: ['weet ik niet', 'weet niet', 'geen idee', 'twijfel', 'misschien', 'mogelijk', 'onzeker', 'ik weet het niet'] },
];

const criminalOffenceStep: StepDefinition<'criminalOffence'> = {
  id: 'criminalOffence',
  optional: false,
  summaryLabel: 'Vermoeden van een strafbaar feit',
  addressFields: [],
  question: () => ({
    title: 'Strafbaar feit',
    text: 'Denk je dat er een strafbaar feit is gepleegd?',
    help: 'Bijvoorbeeld bedreiging, mishandeling of vernieling. Twijfel je, kies dan "Weet ik niet": de afhandelaar bespreekt het met de politie. '
      + 'Je doet zelf geen aangifte; dat doet de afhandelaar.',
    kind: 'choice',
    options: labelOptions(CRIMINAL_OFFENCE_ANSWERS, CRIMINAL_OFFENCE_ANSWER_LABELS),
  }),
  fromText(text) {
    const typed = choiceText(text);
    const choice = typed === undefined ? undefined : parseChoice(typed, CRIMINAL_OPTIONS);
    const yes = typed === undefined || choice !== undefined ? undefined : parseYesNo(typed);
    const value = choice ?? (yes === undefined ? undefined : yes ? 'yes' : 'no');
    return value === undefined ? failure('Typ "ja", "nee" of "weet ik niet".') : accepted(value);
  },
  fromForm(values) {
    const form = readForm(valueChoice('Strafbaar feit', CRIMINAL_OFFENCE_ANSWERS), values);
    return form.ok ? accepted(form.data.value) : form;
  },
  describe: (value) => CRIMINAL_OFFENCE_ANSWER_LABELS[value],
};

// ---------------------------------------------------------------------------------------------
// Step: hindrance
// ---------------------------------------------------------------------------------------------

const HINDRANCE_VALUES = ['yes', 'no'] as const;
const HINDRANCE_LABELS: Readonly<Record<(typeof HINDRANCE_VALUES)[number], string>> = { yes: 'Ja', no: 'Nee' };
const HINDRANCE_OPTIONS: readonly ChoiceOption<(typeof HINDRANCE_VALUES)[number]>[] = [
  { value: 'yes', labels: ['ja', 'een beetje', 'beetje', 'wel wat', 'weinig', 'veel', 'enigszins', 'best wel'] },
  { value: 'no', labels: ['nee', 'geen', 'geen hinder', 'helemaal niet', 'niet echt'] },
];

const hindranceStep: StepDefinition<'hindrance'> = {
  id: 'hindrance',
  optional: false,
  summaryLabel: 'Hinder ondervonden',
  addressFields: [],
  question: () => ({
    title: 'Hinder',
    text: 'Heb je hinder ondervonden van het incident? We vragen je elk incident te melden, ook als je weinig of geen hinder ondervond.',
    kind: 'choice',
    options: labelOptions(HINDRANCE_VALUES, HINDRANCE_LABELS),
  }),
  fromText(text) {
    const typed = choiceText(text);
    const yes = typed === undefined ? undefined : parseYesNo(typed);
    const choice = typed === undefined || yes !== undefined ? undefined : parseChoice(typed, HINDRANCE_OPTIONS);
    const value = yes ?? (choice === undefined ? undefined : choice === 'yes');
    return value === undefined ? failure('Typ "ja" of "nee".') : accepted(value);
  },
  fromForm(values) {
    const form = readForm(valueChoice('Hinder', HINDRANCE_VALUES), values);
    return form.ok ? accepted(form.data.value === 'yes') : form;
  },
  describe: yesNo,
};

// ---------------------------------------------------------------------------------------------
// Step: aftercare
// ---------------------------------------------------------------------------------------------

const aftercareStep: StepDefinition<'aftercare'> = {
  id: 'aftercare',
  optional: true,
  summaryLabel: 'Wensen voor nazorg',
  addressFields: ['text'],
  question: ({ answers, office }) => ({
    title: 'Nazorg',
    text: 'Heb je wensen voor nazorg? Bijvoorbeeld een gesprek, of hulp bij het regelen van ondersteuning. Typ "geen" als je nu geen wensen hebt.',
    help: 'Je kunt altijd terecht bij de Vertrouwenslijn voor politieke ambtsdragers: 088 5543 288.'
      + (office?.role === 'burgemeester' ? ' Als burgemeester kun je 24 uur per dag de Crisislijn van het NGB bellen: 070-373 8080.' : ''),
    kind: 'text',
    fields: [{ id: INTAKE_VALUE_FIELD, label: 'Wensen voor nazorg', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium, value: answers.aftercare?.text }],
  }),
  fromText(text) {
    const typed = chatText(text, TEXT_LIMITS.medium);
    return typed.ok ? accepted({ text: typed.value }) : typed;
  },
  fromForm(values) {
    const form = readForm(valueField('Wensen voor nazorg', TEXT_LIMITS.medium, false), values);
    if (!form.ok) return form;
    const text = form.data[INTAKE_VALUE_FIELD];
    return accepted(text === undefined || isSkipText(text) ? {} : { text });
  },
  skipped: () => ({}),
  describe: (value) => value.text ?? 'Geen',
};

/** Every question of the intake, by step id. */
export const INTAKE_STEPS: StepRegistry = {
  safety: safetyStep,
  who: whoStep,
  when: whenStep,
  where: whereStep,
  what: whatStep,
  level: levelStep,
  kinds: kindsStep,
  perpetrator: perpetratorStep,
  witnesses: witnessesStep,
  evidence: evidenceStep,
  injury: injuryStep,
  damage: damageStep,
  criminalOffence: criminalOffenceStep,
  hindrance: hindranceStep,
  aftercare: aftercareStep,
};
