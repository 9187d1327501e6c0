import { CRISISLIJN_NGB, VERTROUWENSLIJN } from '../../../domain/support-lines';
import { TEXT_LIMITS } from '../../../domain/report';
import { INTAKE_VALUE_FIELD } from '../intake-prompt';
import { isSkipText, chatText } from '../answer-reading';
import { readForm, valueField } from '../form-reading';
import { accepted, type StepDefinition } from '../step-definition';

/** The intake question "aftercare": asked, read from chat and form, and read back. */

export const aftercareStep: StepDefinition<'aftercare'> = {
  id: 'aftercare',
  optional: true,
  summaryLabel: 'Wensen voor nazorg',
  addressFields: ['text'],
  question: ({ answers, office }) => ({
    title: 'Nazorg',
    text: 'Heb je wensen voor nazorg? Bijvoorbeeld een gesprek, of hulp bij het regelen van ondersteuning. Typ "geen" als je nu geen wensen hebt.',
    help: `Je kunt altijd terecht bij de Vertrouwenslijn voor politieke ambtsdragers: ${VERTROUWENSLIJN.phone}.`
      + (office?.role === 'burgemeester' ? ` Als burgemeester kun je 24 uur per dag de Crisislijn van het NGB bellen: ${CRISISLIJN_NGB.phone}.` : ''),
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
