/**
 * The Dutch words of "mijn meldingen" (the office holder's list of their own cases): the status in
 * plain words and the next step, one short line each, from where the office holder stands.
 */
import type { CaseStatus } from '../domain/case';

/** The status as the office holder reads it; the handler's card keeps the formal labels. */
export const MY_CASE_STATUS_TEXT: Readonly<Record<CaseStatus, string>> = {
  submitted: 'Ontvangen, nog niet opgepakt',
  inProgress: 'In behandeling',
  measuresProposed: 'Er ligt een voorstel voor je klaar',
  measuresAgreed: 'Je bent akkoord met het voorstel',
  measuresApproved: 'Maatregelen vastgesteld',
  closed: 'Afgesloten',
};

/** What happens next, in one line; `desk` names who takes it ("de gemeentesecretaris van Utrecht"). */
export function myCaseNextStep(status: CaseStatus, desk: string, sentBack: boolean): string {
  switch (status) {
    case 'submitted':
      return `Wachten tot ${desk} je melding oppakt. Je krijgt bericht wie dat doet.`;
    case 'inProgress':
      return sentBack
        ? 'De afhandelaar past het voorstel aan op je reactie en legt het opnieuw aan je voor.'
        : 'De afhandelaar stelt maatregelen voor; het voorstel komt in deze chat.';
    case 'measuresProposed':
      return 'Bekijk het voorstel en geef akkoord of reageer.';
    case 'measuresAgreed':
      return 'De afhandelaar stelt de maatregelen nu vast.';
    case 'measuresApproved':
      return 'De afhandelaar voert de maatregelen uit en reageert richting de pleger.';
    case 'closed':
      return 'Niets meer te doen. Dank je wel dat je het hebt gemeld.';
  }
}

export const MY_CASES_TEXT = {
  notTakenYet: 'Nog niet opgepakt',
  one: 'Je hebt 1 melding gedaan.',
  many: (count: number) => `Je hebt ${count} meldingen gedaan. De nieuwste staat bovenaan.`,
  omitted: (shown: number, omitted: number) =>
    `Hier staan de ${shown} nieuwste. ${omitted === 1 ? '1 oudere melding staat' : `${omitted} oudere meldingen staan`} er niet bij.`,
  /** The case is not the caller's, or gone: the same answer for both, so nothing is given away. */
  notYours: 'Deze melding kan ik niet vinden bij jouw meldingen. Typ "mijn meldingen" voor het actuele overzicht.',
  unknownButton: 'Deze knop begrijp ik niet (meer). Typ "mijn meldingen" voor het actuele overzicht.',
  /** The notification summary of the proposal and the progress card, from this list and from the notifier alike. */
  proposalSummary: (caseNumber: string) => `Voorstel voor maatregelen bij ${caseNumber}`,
  progressSummary: (caseNumber: string) => `Voortgang van je melding ${caseNumber}`,
  listSummary: (count: number) => (count === 0 ? 'Je hebt nog geen meldingen.' : `Mijn meldingen (${count})`),
} as const;
