import { domainsOf } from '../domain/behaviour-domains';
import type { BehaviourDomain, IncidentReport } from '../domain/report';

/** The planes of the behaviour (fysiek, emotioneel, seksueel, financieel) in the words the cards, figures and CSV show. */
export const BEHAVIOUR_DOMAIN_LABELS: Readonly<Record<BehaviourDomain, string>> = {
  fysiek: 'Fysiek',
  emotioneel: 'Emotioneel',
  seksueel: 'Seksueel',
  financieel: 'Financieel',
};

/** "Emotioneel, financieel": the planes of a report, as recorded (or derived for an older report). */
export function behaviourDomainsText(report: Pick<IncidentReport, 'kinds' | 'level' | 'damage' | 'domains'>): string {
  const labels = domainsOf(report).map((domain, i) => (i === 0 ? BEHAVIOUR_DOMAIN_LABELS[domain] : BEHAVIOUR_DOMAIN_LABELS[domain].toLowerCase()));
  return labels.length === 0 ? 'Niet bekend' : labels.join(', ');
}
