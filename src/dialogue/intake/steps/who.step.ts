import { ORGANISATIONS, ROLES_BY_KIND, findOrganisation, roleFitsOrganisation, type Organisation } from '../../../domain/organisations';
import { OFFICE_HOLDER_ROLES, OFFICE_HOLDER_ROLE_LABELS, type OfficeHolderRole } from '../../../domain/roles';
import type { IntakeAnswer } from '../../../domain/intake';
import { parseChoice, type ChoiceOption } from '../free-text';
import type { IntakeContext } from '../intake-prompt';
import { foldWords, hasWord, choiceText, listInDutch } from '../answer-reading';
import { formChoice, readForm, FORM_UNREADABLE } from '../form-reading';
import { failure, accepted, labelOptions, type StepDefinition, type StepOutcome } from '../step-definition';

/** The intake question "who (role and organisation)": asked, read from chat and form, and read back. */

type Who = IntakeAnswer<'who'>;

const ROLE_WORDS: Readonly<Record<OfficeHolderRole, readonly string[]>> = {
  commissarisVanDeKoning: ['commissaris van de koning', 'cdk', 'commissaris van de koningin', 'commissaris'],
  gedeputeerde: ['gedeputeerde'],
  burgemeester: ['burgemeester', 'burgervader', 'burgemoeder'],
  wethouder: ['wethouder'],
  dijkgraaf: ['dijkgraaf'],
  dagelijksBestuurslid: ['dagelijks bestuurslid', 'dagelijks bestuur', 'db lid', 'heemraad', 'lid dagelijks bestuur'],
  gemeenteraadslid: ['gemeenteraadslid', 'raadslid', 'raadsleden', 'gemeenteraad', 'lid van de gemeenteraad', 'lid gemeenteraad'],
  statenlid: ['statenlid', 'provinciale staten', 'lid provinciale staten', 'lid van provinciale staten'],
  algemeenBestuurslid: ['algemeen bestuurslid', 'algemeen bestuur', 'ab lid', 'lid algemeen bestuur'],
};
const ROLE_OPTIONS: readonly ChoiceOption<OfficeHolderRole>[] = OFFICE_HOLDER_ROLES.map((role) => ({
  value: role,
  labels: [OFFICE_HOLDER_ROLE_LABELS[role], ...ROLE_WORDS[role]],
}));

/** Extra names people use for some organisations. */
const ORGANISATION_WORDS: Readonly<Record<string, readonly string[]>> = {
  'provincie-utrecht': ['provincie', 'utrecht', 'provinciehuis'],
  hdsr: ['hdsr', 'stichtse rijnlanden', 'de stichtse rijnlanden'],
  'waterschap-vallei-en-veluwe': ['vallei en veluwe', 'vallei veluwe'],
  'waterschap-rivierenland': ['rivierenland'],
  'waterschap-agv': ['agv', 'amstel gooi en vecht', 'waternet'],
};

function organisationWords(organisation: Organisation): string[] {
  const words = [organisation.name, ...(ORGANISATION_WORDS[organisation.id] ?? [])];
  if (organisation.kind === 'gemeente') words.push(organisation.name.replace(/^Gemeente /, ''));
  return words.map(foldWords);
}

function allowedOrganisations(ctx: IntakeContext): Organisation[] {
  return ORGANISATIONS.filter((organisation) => ctx.allowedOrganisationIds.includes(organisation.id));
}

/** Organisations a sentence names, longest name first ("Utrechtse Heuvelrug" is not "Utrecht"). */
function organisationsNamed(text: string, organisations: readonly Organisation[]): Organisation[] {
  const folded = foldWords(text);
  let best = 0;
  let found: Organisation[] = [];
  for (const organisation of organisations) {
    const length = Math.max(0, ...organisationWords(organisation).filter((word) => hasWord(folded, word)).map((word) => word.length));
    if (length === 0) continue;
    if (length > best) {
      best = length;
      found = [organisation];
    } else if (length === best) found.push(organisation);
  }
  return found;
}

function kindName(organisation: Organisation): string {
  return organisation.kind === 'provincie' ? 'de provincie' : organisation.kind === 'gemeente' ? 'een gemeente' : 'een waterschap';
}

function roleMismatch(role: OfficeHolderRole, organisation: Organisation): string {
  const roles = ROLES_BY_KIND[organisation.kind].map((r) => OFFICE_HOLDER_ROLE_LABELS[r]);
  return `De functie ${OFFICE_HOLDER_ROLE_LABELS[role]} bestaat niet bij ${organisation.name}. Bij ${kindName(organisation)} kun je kiezen uit: ${listInDutch(roles)}.`;
}

/** Checks a role and organisation against the directory and the routing table. */
function checkOffice(role: OfficeHolderRole, organisationId: string, ctx: IntakeContext): StepOutcome<Who> {
  const organisation = findOrganisation(organisationId);
  if (organisation === undefined || !ctx.allowedOrganisationIds.includes(organisationId)) {
    return failure('Deze organisatie kan nog niet melden via deze bot. Kies je organisatie uit de lijst.');
  }
  if (!roleFitsOrganisation(role, organisationId)) return failure(roleMismatch(role, organisation));
  return accepted({ role, organisationId });
}

function whoFromText(text: string, ctx: IntakeContext): StepOutcome<Who> {
  const example = 'Typ je functie en organisatie, bijvoorbeeld "wethouder in Zeist" of "statenlid", of kies ze in het formulier.';
  const typed = choiceText(text);
  if (typed === undefined) return failure(example);
  const role = parseChoice(typed, ROLE_OPTIONS);
  if (role === undefined) {
    const roles = OFFICE_HOLDER_ROLES.map((r) => OFFICE_HOLDER_ROLE_LABELS[r].replace(/ \(waterschap\)$/, ''));
    return failure(`Ik herken je functie niet. Kies uit: ${listInDutch(roles)}. ${example}`);
  }
  const allowed = allowedOrganisations(ctx);
  const named = organisationsNamed(typed, allowed);
  const fitting = named.filter((organisation) => roleFitsOrganisation(role, organisation.id));
  if (fitting.length === 1) return checkOffice(role, fitting[0].id, ctx);
  if (fitting.length > 1) return failure(`Welke organisatie bedoel je: ${listInDutch(fitting.map((o) => o.name))}?`, ROLE_WORDS[role][0]);
  if (named.length > 0) return failure(roleMismatch(role, named[0]));
  const candidates = allowed.filter((organisation) => roleFitsOrganisation(role, organisation.id));
  if (candidates.length === 1) return checkOffice(role, candidates[0].id, ctx);
  if (candidates.length === 0) return failure(`Er is nog geen organisatie aangesloten waar de functie ${OFFICE_HOLDER_ROLE_LABELS[role]} bestaat.`);
  return failure(`Bij welke organisatie ben je ${ROLE_WORDS[role][0]}? Typ bijvoorbeeld "${candidates[0].name}".`, ROLE_WORDS[role][0]);
}

export const whoStep: StepDefinition<'who'> = {
  id: 'who',
  optional: false,
  summaryLabel: 'Functie en organisatie',
  addressFields: [],
  question: ({ answers, ctx }) => ({
    title: 'Je functie',
    text: 'Wat is je functie, en bij welke organisatie?',
    help: 'De melding gaat naar de afhandelaar van je eigen organisatie.',
    examples: ['wethouder in Zeist', 'statenlid', 'algemeen bestuurslid HDSR'],
    kind: 'form',
    fields: [
      { id: 'role', label: 'Functie', kind: 'choice', required: true, options: labelOptions(OFFICE_HOLDER_ROLES, OFFICE_HOLDER_ROLE_LABELS), value: answers.who?.role },
      {
        id: 'organisationId',
        label: 'Organisatie',
        kind: 'choice',
        required: true,
        options: allowedOrganisations(ctx).map((o) => ({ value: o.id, label: o.name })),
        value: answers.who?.organisationId,
      },
    ],
  }),
  fromText: (text, { ctx }) => whoFromText(text, ctx),
  fromForm(values, { ctx }) {
    const form = readForm({
      role: formChoice('Functie', OFFICE_HOLDER_ROLES, true),
      organisationId: formChoice('Organisatie', ctx.allowedOrganisationIds, true),
    }, values);
    if (!form.ok) return form;
    const { role, organisationId } = form.data;
    if (role === undefined || organisationId === undefined) return failure(FORM_UNREADABLE);
    return checkOffice(role, organisationId, ctx);
  },
  describe: (value) => `${OFFICE_HOLDER_ROLE_LABELS[value.role]}, ${findOrganisation(value.organisationId)?.name ?? value.organisationId}`,
};
