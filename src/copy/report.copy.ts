import type { IncidentKind, PerpetratorType } from '../domain/report';

/** The Dutch names of a report's categories and of the kinds of perpetrator, as the intake offers them and the cards show them. */

/** The categories of behaviour a report can hold (the intake's choice, the case card, the figures, the police form). */
export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, string>> = {
  uitsluiten: 'Uitsluiten',
  pesten: 'Pesten',
  intimidatie: 'Intimidatie',
  bedreiging: 'Bedreiging',
  discriminatie: 'Discriminatie',
  racisme: 'Racisme',
  verbaleAgressie: 'Verbale agressie',
  psychischeAgressie: 'Psychische agressie',
  onlineAgressie: 'Online agressie',
  fysiekeAgressie: 'Fysieke agressie',
  vernieling: 'Vernieling',
  seksueleIntimidatie: 'Seksuele intimidatie',
};

/** Who the perpetrator is: a person, a company, an organisation or a group. */
export const PERPETRATOR_TYPE_LABELS: Readonly<Record<PerpetratorType, string>> = {
  persoon: 'Persoon',
  bedrijf: 'Bedrijf',
  organisatie: 'Organisatie',
  groep: 'Groep of collectief',
};
