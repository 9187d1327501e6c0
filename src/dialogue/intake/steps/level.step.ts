import { BEHAVIOUR_LEVELS, type BehaviourLevel } from '../../../domain/report';
import { parseChoice, type ChoiceOption } from '../free-text';
import { foldWords, choiceText } from '../answer-reading';
import { readForm, valueChoice } from '../form-reading';
import { failure, accepted, type StepDefinition } from '../step-definition';

/** The intake question "level (the ik–jullie–jij ladder)": asked, read from chat and form, and read back. */

const LEVEL_VALUES = ['1', '2', '3', '4', '5'] as const;
/** The ladder's pronouns match only on their own: "weet ik veel" is no level 1. */
const LEVEL_PRONOUNS: Readonly<Record<string, (typeof LEVEL_VALUES)[number]>> = { ik: '1', jullie: '2', jij: '3', je: '3' };
const LEVEL_WORDS: Readonly<Record<BehaviourLevel, readonly string[]>> = {
  1: ['klagen', 'emotioneel ik', 'zichzelf iets aandoen', 'zichzelf iets aan te doen', 'dreigen zichzelf iets aan te doen', 'dreigt zichzelf iets aan te doen'],
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

export const levelStep: StepDefinition<'level'> = {
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
  // Read back as a sentence, not "4. …": a number at the start of a line would be a Markdown list on the card.
  describe: (value) => `Niveau ${value}: ${BEHAVIOUR_LEVELS[value - 1].title}`,
};
