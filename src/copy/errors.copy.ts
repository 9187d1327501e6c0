import { EVALUATION_LABELS } from '../domain/case-model';
import type { DomainErrorCode, DomainErrorReason } from '../domain/errors';
import { MEASURE_KIND_LABELS } from '../domain/measures';
import { CASE_STATUS_LABELS } from './case.copy';

/** The Dutch a user reads when the domain refuses something: one sentence per error code, or per reason. */

/** The Dutch sentence a user sees for each code, unless the error's reason says more (below). */
export const DOMAIN_ERROR_MESSAGES: Readonly<Record<DomainErrorCode, string>> = {
  'ROUTING.UNKNOWN_ORGANISATION': 'Deze organisatie is niet bekend in de provincie Utrecht.',
  'ROUTING.ROLE_NOT_IN_ORGANISATION': 'Deze functie bestaat niet binnen de gekozen organisatie.',
  'REPORT.INVALID': 'De melding is niet volledig of bevat ongeldige gegevens.',
  'REPORT.INCIDENT_IN_FUTURE': 'Het tijdstip van het incident ligt in de toekomst.',
  'CASE.INVALID_CASE_NUMBER': 'Dit is geen geldig zaaknummer (voorbeeld: WB-2026-00042).',
  'CASE.INVALID_TRANSITION': 'Deze stap is in de huidige status van de zaak niet mogelijk.',
  'CASE.ALREADY_TAKEN': 'Deze zaak is al door een afhandelaar opgepakt.',
  'CASE.NOT_ALLOWED': 'Je mag deze stap in deze zaak niet zetten.',
  'CASE.COMMENT_REQUIRED': 'Geef een toelichting bij deze stap.',
  'CASE.RESPONSE_REQUIRED':
    'De zaak kan pas worden afgesloten als de reactie richting de pleger is vastgelegd, of de reden waarom die niet mogelijk was.',
  'CASE.RESPONSE_INVALID': 'De reactie richting de pleger is niet volledig ingevuld.',
  'CASE.TEXT_TOO_LONG': 'De tekst is te lang.',
  'CASE.CLOSED': 'Deze zaak is afgesloten en kan niet meer worden gewijzigd.',
  'CASE.TASK_NOT_FOUND': 'Deze taak hoort niet bij de zaak.',
  'CASE.MEASURES_REQUIRED': 'Stel minstens één maatregel voor.',
  'CASE.MEASURE_DUPLICATE': 'Elke soort maatregel kan maar één keer in een voorstel staan.',
  'CASE.MEASURE_END_REQUIRED': 'Geef de einddatum van de beperkende maatregelen of contactafspraken.',
  'CASE.MEASURE_END_IN_PAST': 'De einddatum van de beperkende maatregelen of contactafspraken moet in de toekomst liggen.',
  'CASE.MEASURE_END_NOT_APPLICABLE': 'Alleen beperkende maatregelen of contactafspraken hebben een einddatum.',
  'CASE.EVALUATION_REQUIRED':
    'Beantwoord alle evaluatievragen (risicotaxatie, oorzaakanalyse, trendanalyse en verbeteraanbevelingen) voordat de zaak wordt afgesloten.',
  'CASE.NO_POLICE_CHECKLIST': 'Bij deze zaak hoort geen stappenplan melding en aangifte.',
  'CASE.CHECKLIST_STEP_UNKNOWN': 'Het stappenplan melding en aangifte heeft de stappen 1 tot en met 9.',
  'CASE.LABOUR_INSPECTORATE_NOT_NEEDED':
    'Bij deze zaak hoeft de Arbeidsinspectie niet gewaarschuwd te worden: er is geen letsel gemeld.',
  'CASE.MEETING_TIME_INVALID': 'Het tijdstip van het gesprek kan niet in de toekomst of vóór het incident liggen.',
  'CASE.PROPOSAL_REPLACED': 'Dit voorstel is inmiddels vervangen door een nieuw voorstel. Bekijk het nieuwste voorstel in je chat.',
  'CASE.STEP_NOT_NEEDED': 'Deze stap hoort nu niet bij de zaak.',
  'CASE.DATE_INVALID': 'Deze datum kan niet: niet in de toekomst en niet vóór het incident.',
  'CASE.RESTRICTIONS_DECISION_REQUIRED':
    'De beperkende maatregelen lopen nog. Kies bij het afsluiten of ze nu eindigen of doorlopen (met de herinnering voor het herstelgesprek).',
  'CASE.DAMAGE_RECOVERY_REASON_REQUIRED':
    'Er is schade of verzuim gemeld: kies "Schade verhalen" of leg vast waarom de schade niet wordt verhaald.',
  'CASE.INFORMED_PERSON_UNKNOWN': 'Kies iemand uit de lijst.',
  'FIGURES.NOT_ALLOWED': 'Cijfers zijn er voor de coördinator VPT en voor de afhandelaars van een organisatie.',
  'FIGURES.INVALID_PERIOD': 'Kies een periode van hele maanden, niet in de toekomst en hoogstens 36 maanden lang.',
  'RETENTION.NOT_ALLOWED': 'De bewaartermijn beheert de coördinator VPT.',
  'OWN_DATA.UNAVAILABLE': 'Je gegevens opvragen kan op dit moment niet. Vraag de functioneel beheerder of de coördinator VPT om een overzicht.',
};

/** The Dutch sentence for a reason the domain gave with its code. */
function reasonMessage(reason: DomainErrorReason): string {
  switch (reason.kind) {
    case 'unknownMeasureKind':
      return 'Kies een soort maatregel uit de lijst.';
    case 'measureDescriptionTooLong':
      return `De toelichting bij "${MEASURE_KIND_LABELS[reason.measure]}" is te lang: maximaal ${reason.max} tekens.`;
    case 'textTooLong':
      return reason.evaluationQuestion === undefined
        ? `De tekst is te lang: maximaal ${reason.max} tekens.`
        : `Het antwoord bij "${EVALUATION_LABELS[reason.evaluationQuestion].title}" is te lang: maximaal ${reason.max} tekens.`;
    case 'noResponseExplanationMissing':
      return 'Licht toe waarom geen reactie richting de pleger mogelijk was.';
    case 'unknownMeetingKind':
      return 'Kies een soort gesprek uit de lijst.';
    case 'evaluationIncomplete':
      return `Beantwoord eerst alle evaluatievragen. Nog open: ${reason.missing.map((question) => EVALUATION_LABELS[question].title).join(', ')}.`;
    case 'transitionImpossible':
      return `Een zaak met status "${CASE_STATUS_LABELS[reason.from]}" kan niet naar "${CASE_STATUS_LABELS[reason.to]}".`;
    case 'caseNotTakenYet':
      return 'Pak de zaak eerst op voordat u deze stap zet.';
    case 'closeWithoutMeasuresNeedsNoResponseReason':
      return 'Zonder vastgestelde maatregelen kan de zaak alleen worden afgesloten met de reden waarom geen reactie richting de pleger mogelijk was.';
    case 'restrictionsNotAdjustableYet':
      return 'Verlengen of aanpassen kan na het herstelgesprek, als er beperkende maatregelen zijn vastgesteld.';
    case 'noRestrictionsToConfirm':
      return 'Er zijn geen vastgestelde beperkende maatregelen om te bevestigen.';
    case 'incidentMeetingNotHeldYet':
      return 'Leg eerst vast dat het incidentgesprek is gevoerd.';
    case 'meetingReportEmpty':
      return 'Schrijf eerst het verslag.';
  }
}

/** The Dutch sentence a user sees for a refusal of the domain (a DomainError or a precondition's Refusal). */
export function userMessageOf(refusal: { readonly code: DomainErrorCode; readonly reason?: DomainErrorReason }): string {
  return refusal.reason === undefined ? DOMAIN_ERROR_MESSAGES[refusal.code] : reasonMessage(refusal.reason);
}
