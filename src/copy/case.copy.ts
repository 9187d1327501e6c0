import type { NoResponseReason } from '../domain/case-model';
import type { CaseStatus } from '../domain/case-status';

/** The Dutch names of a case's statuses and of the reasons no response to the perpetrator was possible. */

/** A case's status as the cards, the office holder's list and the registration export name it. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  submitted: 'Gemeld',
  inProgress: 'In behandeling',
  measuresProposed: 'Maatregelen voorgesteld',
  measuresAgreed: 'Akkoord betrokkene',
  measuresApproved: 'Maatregelen vastgesteld',
  closed: 'Afgesloten',
};

/** Why no response towards the perpetrator was possible, as the handler picks it. */
export const NO_RESPONSE_REASON_LABELS: Readonly<Record<NoResponseReason, string>> = {
  perpetratorUnknown: 'Pleger onbekend',
  other: 'Andere reden',
};
