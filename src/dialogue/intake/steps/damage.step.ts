import { TEXT_LIMITS } from '../../../domain/report';
import { foldWords, hasWord, isSkipText, chatText, CHOICE_TEXT_MAX } from '../answer-reading';
import { formText, formBoolean, readForm, FORM_UNREADABLE } from '../form-reading';
import { failure, accepted, yesNo, toggleValue, type StepDefinition } from '../step-definition';

/** The intake question "damage": asked, read from chat and form, and read back. */

/** Stems, matched inside words too ("autoschade", "ingegooid"). */
const PROPERTY_STEMS = ['schade', 'kapot', 'vernield', 'vernietigd', 'beschadigd', 'gestolen', 'bekrast', 'ingegooid', 'ingeslagen', 'gebroken', 'beklad'];
const ABSENCE_WORDS = ['verzuim', 'ziek', 'ziekgemeld', 'afwezig', 'thuis gebleven', 'niet werken', 'niet gewerkt', 'vrij genomen', 'verlof', 'niet kunnen werken'];
const DAMAGE_HELP = 'Typ "nee" als er geen schade of verzuim was, of beschrijf de schade (bijvoorbeeld "ruit van mijn auto ingegooid") '
  + 'of het verzuim (bijvoorbeeld "twee dagen niet kunnen werken").';

export const damageStep: StepDefinition<'damage'> = {
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
