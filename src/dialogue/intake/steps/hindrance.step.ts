import { parseChoice, parseYesNo, type ChoiceOption } from '../free-text';
import { choiceText } from '../answer-reading';
import { readForm, valueChoice } from '../form-reading';
import { failure, accepted, labelOptions, yesNo, type StepDefinition } from '../step-definition';

/** The intake question "hindrance": asked, read from chat and form, and read back. */

const HINDRANCE_VALUES = ['yes', 'no'] as const;
const HINDRANCE_LABELS: Readonly<Record<(typeof HINDRANCE_VALUES)[number], string>> = { yes: 'Ja', no: 'Nee' };
const HINDRANCE_OPTIONS: readonly ChoiceOption<(typeof HINDRANCE_VALUES)[number]>[] = [
  { value: 'yes', labels: ['ja', 'een beetje', 'beetje', 'wel wat', 'weinig', 'veel', 'enigszins', 'best wel'] },
  { value: 'no', labels: ['nee', 'geen', 'geen hinder', 'helemaal niet', 'niet echt'] },
];

export const hindranceStep: StepDefinition<'hindrance'> = {
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
