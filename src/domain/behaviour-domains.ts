import { BEHAVIOUR_DOMAINS, type BehaviourDomain, type IncidentKind, type IncidentReport } from './report';

/**
 * Which planes ("vlak") of the guide each kind of behaviour is on. The guide, ch. 1: "Grensoverschrijdend
 * gedrag kan voorkomen op fysiek, emotioneel, seksueel of financieel vlak", followed by its examples
 * (the kinds). It gives no table, so this one follows the words of each kind: aggression against the
 * body is physical, sexual intimidation sexual, vandalism ("vernieling van andermans goederen of
 * bezittingen") physical and financial, and the rest works on a person's feelings and standing.
 */
export const KIND_DOMAINS: Readonly<Record<IncidentKind, readonly BehaviourDomain[]>> = {
  uitsluiten: ['emotioneel'],
  pesten: ['emotioneel'],
  intimidatie: ['emotioneel'],
  bedreiging: ['emotioneel'],
  discriminatie: ['emotioneel'],
  racisme: ['emotioneel'],
  verbaleAgressie: ['emotioneel'],
  psychischeAgressie: ['emotioneel'],
  onlineAgressie: ['emotioneel'],
  fysiekeAgressie: ['fysiek'],
  vernieling: ['fysiek', 'financieel'],
  seksueleIntimidatie: ['seksueel'],
};

/**
 * The planes of a report, in the guide's order: those of its kinds; physical for level 5 (fysiek
 * geweld); financial when property was damaged or work was missed (the guide: that damage "wordt
 * altijd verhaald").
 */
export function behaviourDomains(report: Pick<IncidentReport, 'kinds' | 'level' | 'damage'>): BehaviourDomain[] {
  const found = new Set<BehaviourDomain>(report.kinds.flatMap((kind) => KIND_DOMAINS[kind]));
  if (report.level === 5) found.add('fysiek');
  if (report.damage.propertyDamage || report.damage.absenceFromWork) found.add('financieel');
  return BEHAVIOUR_DOMAINS.filter((domain) => found.has(domain));
}

/** The planes recorded with the report, or (for a report stored before they were) derived now. */
export function domainsOf(report: Pick<IncidentReport, 'kinds' | 'level' | 'damage' | 'domains'>): BehaviourDomain[] {
  return report.domains ?? behaviourDomains(report);
}
