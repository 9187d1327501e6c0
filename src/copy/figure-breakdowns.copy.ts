import { findOrganisation } from '../domain/organisations';
import type { BreakdownDimension } from '../domain/registration/figures';
import { BEHAVIOUR_LEVELS, INJURY_LABELS, type BehaviourDomain, type Injury, type IncidentKind } from '../domain/report';
import { BEHAVIOUR_DOMAIN_LABELS } from './behaviour-domains.copy';
import { INCIDENT_KIND_LABELS } from './report.copy';
import { OFFICE_HOLDER_ROLE_LABELS, type OfficeHolderRole } from '../domain/roles';

/** The Dutch titles of the figures' breakdowns and the names of their items (src/domain/registration/figures.ts counts them). */

const BREAKDOWN_TITLES: Readonly<Record<BreakdownDimension, string>> = {
  organisation: 'Per organisatie',
  role: 'Per functie',
  level: 'Per gedragsniveau',
  kind: 'Per soort (een melding kan meer soorten hebben)',
  domain: 'Per gedragsdomein (een melding kan op meer domeinen liggen)',
  channel: 'Offline of online',
  injury: 'Letsel',
  injuryType: 'Soort letsel (een melding kan meer soorten hebben)',
  policeReport: 'Melding of aangifte bij de politie',
  repeatPerpetrator: 'Pleger',
};

/** Item names of the breakdowns whose keys are no concept of the guide with a name of its own. */
const ITEM_LABELS: Partial<Record<BreakdownDimension, Readonly<Record<string, string>>>> = {
  channel: { offline: 'Offline (fysiek)', online: 'Online (e-mail, sociale media, telefoon, …)' },
  injury: { none: 'Geen letsel', any: 'Met letsel' },
  policeReport: { none: 'Geen melding of aangifte', planned: 'Melding of aangifte gepland', made: 'Melding of aangifte gedaan' },
  repeatPerpetrator: { yes: 'Pleger met een eerdere melding', no: 'Geen eerdere melding bekend' },
};

/** The title of a breakdown. */
export function breakdownTitle(dimension: BreakdownDimension): string {
  return BREAKDOWN_TITLES[dimension];
}

/** The name of one item of a breakdown, by its key. */
export function breakdownItemLabel(dimension: BreakdownDimension, key: string): string {
  switch (dimension) {
    case 'organisation':
      return findOrganisation(key)?.name ?? key;
    case 'role':
      return OFFICE_HOLDER_ROLE_LABELS[key as OfficeHolderRole];
    case 'level': {
      const level = BEHAVIOUR_LEVELS.find((l) => String(l.level) === key);
      return `Niveau ${key}: ${level?.title ?? ''}`;
    }
    case 'kind':
      return INCIDENT_KIND_LABELS[key as IncidentKind];
    case 'injuryType':
      return INJURY_LABELS[key as Injury];
    case 'domain':
      return BEHAVIOUR_DOMAIN_LABELS[key as BehaviourDomain];
    default:
      return ITEM_LABELS[dimension]?.[key] ?? key;
  }
}
