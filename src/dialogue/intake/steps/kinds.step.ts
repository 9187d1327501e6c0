import { INCIDENT_KIND_LABELS } from '../../../copy/report.copy';
import { INCIDENT_KINDS, type IncidentKind } from '../../../domain/report';
import type { ChoiceOption } from '../free-text';
import { INTAKE_VALUE_FIELD } from '../intake-prompt';
import { readList } from '../answer-reading';
import { formMultiChoice, readForm } from '../form-reading';
import { failure, accepted, labelOptions, type StepDefinition } from '../step-definition';

/** The intake question "kinds": asked, read from chat and form, and read back. */

const KIND_WORDS: Partial<Readonly<Record<IncidentKind, readonly string[]>>> = {
  uitsluiten: ['uitgesloten', 'buitengesloten'],
  pesten: ['gepest'],
  bedreiging: ['bedreigd', 'dreigen', 'doodsbedreiging'],
  intimidatie: ['geintimideerd'],
  discriminatie: ['gediscrimineerd'],
  verbaleAgressie: ['verbaal', 'schelden', 'uitgescholden'],
  psychischeAgressie: ['psychisch'],
  onlineAgressie: ['online'],
  fysiekeAgressie: ['fysiek', 'geslagen', 'geschopt', 'bespuugd'],
  vernieling: ['vernield', 'kapot'],
  seksueleIntimidatie: ['seksueel', 'seksuele'],
};
const KIND_OPTIONS: readonly ChoiceOption<IncidentKind>[] = INCIDENT_KINDS.map((kind) => ({
  value: kind,
  labels: [INCIDENT_KIND_LABELS[kind], ...(KIND_WORDS[kind] ?? [])],
}));


export const kindsStep: StepDefinition<'kinds'> = {
  id: 'kinds',
  optional: false,
  summaryLabel: 'Vorm van het gedrag',
  addressFields: [],
  question: () => ({
    title: 'Vorm',
    text: 'Welke vormen van grensoverschrijdend gedrag waren het? Kies er een of meer.',
    help: 'Typ ze gescheiden door komma\'s, bijvoorbeeld "bedreiging, online agressie".',
    examples: ['bedreiging, online agressie', 'verbale agressie'],
    kind: 'multiChoice',
    options: labelOptions(INCIDENT_KINDS, INCIDENT_KIND_LABELS),
  }),
  fromText(text) {
    const read = readList(text, KIND_OPTIONS);
    if (read.ok) return accepted(read.values);
    const choices = INCIDENT_KINDS.map((kind) => INCIDENT_KIND_LABELS[kind].toLowerCase()).join(', ');
    const unknown = read.part === undefined ? '' : `Ik herken "${read.part}" niet. `;
    return failure(`${unknown}Kies een of meer van: ${choices}. Scheid ze met komma's.`);
  },
  fromForm(values) {
    const form = readForm({ [INTAKE_VALUE_FIELD]: formMultiChoice('Vorm', INCIDENT_KINDS) }, values);
    if (!form.ok) return form;
    const kinds = form.data[INTAKE_VALUE_FIELD];
    return kinds.length === 0 ? failure('Kies minstens een vorm van gedrag.') : accepted(kinds);
  },
  describe: (value) => value.map((kind) => INCIDENT_KIND_LABELS[kind]).join(', '),
};
