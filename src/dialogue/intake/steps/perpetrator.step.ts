import { PERPETRATOR_TYPE_LABELS } from '../../../copy/report.copy';
import { PERPETRATOR_TYPES, TEXT_LIMITS, type PerpetratorType } from '../../../domain/report';
import type { IntakeAnswer } from '../../../domain/intake';
import { normaliseLicencePlate } from '../../../domain/perpetrator';
import { readHandleField, readPerpetrator, SOCIAL_PLATFORM_NAMES } from '../perpetrator-reading';
import { foldWords, chatText } from '../answer-reading';
import { formText, formBoolean, formChoice, readForm } from '../form-reading';
import { failure, accepted, labelOptions, toggleValue, type StepDefinition } from '../step-definition';

/** The intake question "perpetrator": asked, read from chat and form, and read back. */

type PerpetratorAnswer = IntakeAnswer<'perpetrator'>;

const UNKNOWN_PERPETRATOR_RE = /^(?:onbekend|weet ik niet|geen idee|anoniem|niet bekend|een onbekende)\b[\s,:;.-]*/iu;
const PERPETRATOR_TYPE_WORDS: readonly { type: PerpetratorType; words: readonly string[] }[] = [
  { type: 'bedrijf', words: ['bedrijf', 'een bedrijf', 'firma'] },
  { type: 'organisatie', words: ['organisatie', 'een organisatie', 'actiegroep', 'vereniging', 'stichting'] },
  { type: 'groep', words: ['groep', 'een groep', 'collectief', 'groepje'] },
];
/** The toggle on the form, and the name its error message uses. */
const KNOWN_LABEL = 'Ik weet wie het was';
const PLATE_ERROR = 'Dit lijkt geen Nederlands kenteken. Schrijf het zoals op de plaat, bijvoorbeeld 12-ABC-3 of AB-123-C. '
  + 'Een buitenlands kenteken kun je bij de kenmerken zetten.';

function typeFromText(text: string): PerpetratorType {
  const first = foldWords(text).split(' ').slice(0, 2).join(' ');
  return PERPETRATOR_TYPE_WORDS.find((entry) => entry.words.some((word) => first === word || first.startsWith(`${word} `)))?.type ?? 'persoon';
}

export const perpetratorStep: StepDefinition<'perpetrator'> = {
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
      { id: 'known', label: KNOWN_LABEL, kind: 'toggle', required: true, value: toggleValue(answers.perpetrator?.known) },
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
    // A name, handle or plate in the typed text is a recidive key too, not only a characteristic.
    return accepted({ ...answer, ...readPerpetrator(rest) });
  },
  fromForm(values) {
    const form = readForm({
      known: formBoolean(KNOWN_LABEL, true),
      type: formChoice('Soort pleger', PERPETRATOR_TYPES, false),
      name: formText('Naam of account', TEXT_LIMITS.short, false),
      characteristics: formText('Kenmerken', TEXT_LIMITS.medium, false),
      licencePlate: formText('Kenteken', TEXT_LIMITS.licencePlate, false),
    }, values);
    if (!form.ok) return form;
    const { known, type, name, characteristics, licencePlate } = form.data;
    if (known === undefined) return failure('Kies bij "Ik weet wie het was" ja of nee.');
    const answer: PerpetratorAnswer = { known, type: type ?? 'persoon' };
    if (name !== undefined) Object.assign(answer, readHandleField(name));
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
    value.name === undefined ? undefined : `naam of account: ${value.name}${value.platform === undefined ? '' : ` op ${SOCIAL_PLATFORM_NAMES[value.platform]}`}`,
    value.characteristics === undefined ? undefined : `kenmerken: ${value.characteristics}`,
    value.licencePlate === undefined ? undefined : `kenteken: ${value.licencePlate}`,
  ].filter((part) => part !== undefined).join('; '),
};
