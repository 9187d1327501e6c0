/** The short notice to informed parties, and the error card in place of Teams' generic error. */
import { type Case } from '../../domain/case';
import { formatDutchDate } from '../../copy/dates.copy';
import { HANDLER_ROLE_LABELS, INFORMED_ROLE_LABELS, type InformedRole, OFFICE_HOLDER_ROLE_LABELS, type OfficeHolderRole } from '../../domain/roles';
import { toCardText } from '../cards/escape';
import { CASE_CARD_TEXT_MAX } from './case-card-contract';
import { capitalisedDesk, type FactViewModel, levelTitle, lowerFirst, organisationName } from './case-view-parts';

// ---------------------------------------------------------------------------------------------
// Notice to informed parties
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/informed-notice.json. Holds nothing about the perpetrator, injuries or what happened. */
export interface InformedNoticeViewModel {
  intro: string;
  caseNumber: string;
  facts: FactViewModel[];
  handlerText: string;
}

/** Offices held by one person per organisation: "de burgemeester", but "een wethouder". */
const SINGLE_HOLDER_ROLES: ReadonlySet<OfficeHolderRole> = new Set(['commissarisVanDeKoning', 'burgemeester', 'dijkgraaf']);

/** Builds the short notice for an informed party: who is affected by office, where, when, how serious, and who handles it. */
export function informedNoticeViewModel(c: Case, options: { recipientRole: InformedRole }): InformedNoticeViewModel {
  const officeHolderRole = OFFICE_HOLDER_ROLE_LABELS[c.officeHolder.role];
  const organisation = organisationName(c.organisationId);
  return {
    intro: `Als ${lowerFirst(INFORMED_ROLE_LABELS[options.recipientRole])} word je geïnformeerd over een incident tegen ${SINGLE_HOLDER_ROLES.has(c.officeHolder.role) ? 'de' : 'een'} ${lowerFirst(officeHolderRole)} van ${organisation}.`,
    caseNumber: toCardText(c.caseNumber, 40),
    facts: [
      { title: 'Zaaknummer', value: toCardText(c.caseNumber, 40) },
      { title: 'Betrokkene', value: `${officeHolderRole}, ${organisation}` },
      { title: 'Datum incident', value: formatDutchDate(new Date(c.report.incidentAt)) },
      { title: 'Niveau', value: levelTitle(c.report) },
      { title: 'Afhandelaar', value: `${HANDLER_ROLE_LABELS[c.route.handler.role]}, ${organisationName(c.route.handler.organisationId)}` },
    ],
    handlerText: `${capitalisedDesk(c)} handelt de melding af. Heb je vragen of wil je iets doen, neem dan contact op met de afhandelaar. Deel deze informatie niet verder.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Error card
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/case-error.json. */
export interface CaseErrorViewModel {
  message: string;
  caseId: string;
  canReload: boolean;
}

/** A Dutch error card in place of Teams' generic error; with a case, "Opnieuw laden" shows its current state. */
export function caseErrorViewModel(message: string, options: { caseId?: string } = {}): CaseErrorViewModel {
  const caseId = options.caseId ?? '';
  return {
    message: toCardText(message.trim(), CASE_CARD_TEXT_MAX.text) || 'Er ging iets mis. Probeer het later opnieuw.',
    caseId,
    canReload: caseId !== '',
  };
}
