import { TEXT_LIMITS } from '../../../domain/report';
import { chatText } from '../answer-reading';
import { formText, readForm } from '../form-reading';
import { failure, accepted, type StepDefinition } from '../step-definition';

/** The intake question "what": asked, read from chat and form, and read back. */

export const whatStep: StepDefinition<'what'> = {
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
