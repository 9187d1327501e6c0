import { TEXT_LIMITS } from '../../../domain/report';
import { INTAKE_VALUE_FIELD } from '../intake-prompt';
import { isSkipText, chatText } from '../answer-reading';
import { readForm, valueField } from '../form-reading';
import { accepted, type StepDefinition } from '../step-definition';

/** The intake question "witnesses": asked, read from chat and form, and read back. */

export const witnessesStep: StepDefinition<'witnesses'> = {
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
