import type { IntakeAnswer } from '../../../domain/intake';
import { parseChoice, parseYesNo, type ChoiceOption } from '../free-text';
import { foldWords, hasWord, choiceText } from '../answer-reading';
import { readForm, valueChoice } from '../form-reading';
import { failure, accepted, labelOptions, type StepDefinition, type StepOutcome } from '../step-definition';

/** The intake question "safety": asked, read from chat and form, and read back. */

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

export const safetyStep: StepDefinition<'safety'> = {
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
