import { INJURIES, INJURY_LABELS, type Injury } from '../../../domain/report';
import { parseYesNo, type ChoiceOption } from '../free-text';
import { INTAKE_VALUE_FIELD, NO_INJURY } from '../intake-prompt';
import { readList, CHOICE_TEXT_MAX } from '../answer-reading';
import { formMultiChoice, readForm } from '../form-reading';
import { failure, accepted, labelOptions, type StepDefinition, type StepOutcome } from '../step-definition';

/** The intake question "injury": asked, read from chat and form, and read back. */

/**
 * The office holder reports about themselves ("Heb je letsel opgelopen?"), so death is never offered
 * or read from a typed answer; the domain keeps it for the Arbeidsinspectie rule.
 */
type OwnInjury = Exclude<Injury, 'death'>;
type InjuryChoice = OwnInjury | typeof NO_INJURY;
const OWN_INJURIES = INJURIES.filter((injury): injury is OwnInjury => injury !== 'death');
const INJURY_CHOICES: readonly InjuryChoice[] = [NO_INJURY, ...OWN_INJURIES];
const INJURY_CHOICE_LABELS: Readonly<Record<InjuryChoice, string>> = {
  [NO_INJURY]: 'Geen letsel',
  physical: INJURY_LABELS.physical,
  mental: INJURY_LABELS.mental,
  hospital: INJURY_LABELS.hospital,
  lasting: INJURY_LABELS.lasting,
};
const INJURY_WORDS: Readonly<Record<InjuryChoice, readonly string[]>> = {
  [NO_INJURY]: ['geen', 'nee', 'niets', 'geen letsel'],
  physical: ['lichamelijk', 'fysiek', 'fysiek letsel', 'gewond'],
  mental: ['geestelijk', 'psychisch', 'psychisch letsel', 'emotioneel'],
  hospital: ['ziekenhuis', 'ziekenhuisopname', 'opname', 'opgenomen'],
  lasting: ['blijvend', 'blijvende schade', 'blijvend letsel'],
};
const INJURY_OPTIONS: readonly ChoiceOption<InjuryChoice>[] = INJURY_CHOICES.map((value) => ({
  value,
  labels: [INJURY_CHOICE_LABELS[value], ...INJURY_WORDS[value]],
}));
const INJURY_EXCLUSIVE = '"Geen letsel" kan niet samen met ander letsel. Kies "geen letsel", of alleen het letsel dat je opliep.';

function readInjury(choices: readonly InjuryChoice[]): StepOutcome<Injury[]> {
  if (choices.length === 0) return failure('Kies "geen letsel", of het letsel dat je opliep.');
  if (choices.includes(NO_INJURY)) return choices.length === 1 ? accepted([]) : failure(INJURY_EXCLUSIVE);
  return accepted(choices.filter((choice): choice is OwnInjury => choice !== NO_INJURY));
}

export const injuryStep: StepDefinition<'injury'> = {
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
