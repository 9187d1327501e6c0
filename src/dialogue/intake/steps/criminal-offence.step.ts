import { CRIMINAL_OFFENCE_ANSWERS, CRIMINAL_OFFENCE_ANSWER_LABELS, type CriminalOffenceAnswer } from '../../../domain/report';
import { parseChoice, parseYesNo, type ChoiceOption } from '../free-text';
import { choiceText } from '../answer-reading';
import { readForm, valueChoice } from '../form-reading';
import { failure, accepted, labelOptions, type StepDefinition } from '../step-definition';

/** The intake question "criminal offence": asked, read from chat and form, and read back. */

const CRIMINAL_OPTIONS: readonly ChoiceOption<CriminalOffenceAnswer>[] = [
  { value: 'yes', labels: ['ja', 'ja denk ik', 'vermoedelijk', 'waarschijnlijk'] },
  { value: 'no', labels: ['nee', 'denk het niet'] },
  { value: 'unsure', labels: ['weet ik niet', 'weet niet', 'geen idee', 'twijfel', 'misschien', 'mogelijk', 'onzeker', 'ik weet het niet'] },
];

export const criminalOffenceStep: StepDefinition<'criminalOffence'> = {
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
