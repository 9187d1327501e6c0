/**
 * Recidive on the handler's case card (issue 10 point 7): a suggested match in the own organisation to
 * confirm or reject, the dossier of confirmed cases, and a count of cases elsewhere in the province;
 * plus the coordinator VPT's notice of a match across organisations. The card elements are built here
 * as typed objects and bound into cards/case-card.json by one `${recidive}` binding; the case card
 * itself keeps its one line about earlier cases.
 */
import type { RecidiveOverview } from '../../app/recidive';
import { toCardText } from '../cards/escape';
import { organisationName } from './case-view-parts';

/** The verbs of the recidive buttons; handled in recidive-actions.ts. */
export const RECIDIVE_VERBS = {
  confirm: 'recidive.confirm',
  reject: 'recidive.reject',
} as const;

/** Open suggestions are decided one at a time (the card has a size budget); the next shows after a decision. */
export const SUGGESTIONS_SHOWN = 1;
/** At most this many case numbers (the newest) in the dossier line. */
const DOSSIER_NUMBERS_SHOWN = 3;

interface TextBlockElement {
  type: 'TextBlock';
  text: string;
  wrap: true;
  color?: 'Attention' | 'Warning';
}

interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: (typeof RECIDIVE_VERBS)[keyof typeof RECIDIVE_VERBS];
  /** Ids only: the server reloads both cases and checks the match is still a suggestion. */
  data: { caseId: string; matchCaseId: string };
}

interface ActionSetElement {
  type: 'ActionSet';
  actions: ExecuteAction[];
}

/** One element of the recidive part of the case card. */
export type RecidiveElement = TextBlockElement | ActionSetElement;

/** The part of the case card view-model this file fills. */
export interface RecidiveViewModel {
  /** Card elements, empty when there is nothing to say (no key, or not a handler). */
  recidive: RecidiveElement[];
}

const text = (value: string, color?: TextBlockElement['color']): TextBlockElement => ({ type: 'TextBlock', text: value, wrap: true, ...(color ? { color } : {}) });
const caseNumber = (value: string): string => toCardText(value, 40);
const cases = (n: number): string => (n === 1 ? '1 zaak' : `${n} zaken`);

/** The recidive elements for the handler of `caseId`; none without an overview (any other viewer). */
export function recidivePart(caseId: string, overview: RecidiveOverview | undefined): RecidiveViewModel {
  if (overview === undefined || !overview.matchable) return { recidive: [] };
  const elements: RecidiveElement[] = [];
  const more = overview.suggestions.length - SUGGESTIONS_SHOWN;
  for (const match of overview.suggestions.slice(0, SUGGESTIONS_SHOWN)) {
    const rest = more > 0 ? ` (en nog ${more} mogelijke)` : '';
    elements.push(
      text(`Mogelijk dezelfde pleger als in zaak ${caseNumber(match.caseNumber)}${rest}.`, 'Warning'),
      {
        type: 'ActionSet',
        actions: [
          { type: 'Action.Execute', title: 'Zelfde pleger', verb: RECIDIVE_VERBS.confirm, data: { caseId, matchCaseId: match.caseId } },
          { type: 'Action.Execute', title: 'Niet dezelfde', verb: RECIDIVE_VERBS.reject, data: { caseId, matchCaseId: match.caseId } },
        ],
      },
    );
  }
  const lines: string[] = [];
  if (overview.dossier.length > 0) {
    const numbers = overview.dossier.slice(-DOSSIER_NUMBERS_SHOWN).map((m) => caseNumber(m.caseNumber));
    const omitted = overview.dossier.length - numbers.length;
    lines.push(`Dossier van deze pleger: ook in zaak ${numbers.join(', ')}${omitted > 0 ? ` en ${omitted} eerdere` : ''}.`);
  }
  if (overview.elsewhere > 0) lines.push(`Deze pleger komt in ${cases(overview.elsewhere)} elders in de provincie voor.`);
  if (lines.length > 0) elements.push(text(lines.join(' '), 'Attention'));
  return { recidive: elements };
}

/** The notice on the handler's own card after a decision. */
export function decisionNotice(decision: 'confirmed' | 'rejected'): string {
  return decision === 'confirmed'
    ? 'Vastgelegd: dezelfde pleger. De zaak hoort nu bij het dossier van deze pleger.'
    : 'Vastgelegd: niet dezelfde pleger. Deze overeenkomst wordt niet opnieuw voorgesteld.';
}

/**
 * The coordinator VPT's 1:1 notice of a new match across organisations: organisations and counts only,
 * no names, no free text, no case numbers of other organisations.
 */
export function crossOrganisationNotice(newCaseOrganisationId: string, elsewhere: ReadonlyMap<string, number>): string {
  const others = [...elsewhere.entries()]
    .sort(([a], [b]) => organisationName(a).localeCompare(organisationName(b), 'nl'))
    .map(([organisationId, n]) => `${cases(n)} bij ${organisationName(organisationId)}`);
  const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} en ${others.at(-1)}`;
  return `Recidive in de provincie: een nieuwe melding bij ${organisationName(newCaseOrganisationId)} gaat over dezelfde pleger als ${list}. `
    + 'Namen en details blijven bij de organisaties; neem zo nodig contact op met hun afhandelaars.';
}
