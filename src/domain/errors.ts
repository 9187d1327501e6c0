/** Stable codes of every rule violation the domain reports; adapters map them to cards and HTTP answers. */
export const DOMAIN_ERROR_CODES = [
  'ROUTING.UNKNOWN_ORGANISATION',
  'ROUTING.ROLE_NOT_IN_ORGANISATION',
  'REPORT.INVALID',
  'REPORT.INCIDENT_IN_FUTURE',
  'CASE.INVALID_CASE_NUMBER',
  'CASE.INVALID_TRANSITION',
  'CASE.ALREADY_TAKEN',
  'CASE.NOT_ALLOWED',
  'CASE.COMMENT_REQUIRED',
  'CASE.RESPONSE_REQUIRED',
  'CASE.RESPONSE_INVALID',
  'CASE.TEXT_TOO_LONG',
  'CASE.CLOSED',
  'CASE.TASK_NOT_FOUND',
  'CASE.MEASURES_REQUIRED',
  'CASE.MEASURE_DUPLICATE',
  'CASE.MEASURE_END_REQUIRED',
  'CASE.MEASURE_END_IN_PAST',
  'CASE.MEASURE_END_NOT_APPLICABLE',
  'CASE.EVALUATION_REQUIRED',
  'CASE.NO_POLICE_CHECKLIST',
  'CASE.CHECKLIST_STEP_UNKNOWN',
  'CASE.LABOUR_INSPECTORATE_NOT_NEEDED',
  'CASE.MEETING_TIME_INVALID',
  'CASE.PROPOSAL_REPLACED',
  'CASE.STEP_NOT_NEEDED',
  'CASE.DATE_INVALID',
  'CASE.RESTRICTIONS_DECISION_REQUIRED',
  'CASE.DAMAGE_RECOVERY_REASON_REQUIRED',
  'CASE.INFORMED_PERSON_UNKNOWN',
  'FIGURES.NOT_ALLOWED',
  'FIGURES.INVALID_PERIOD',
  'RETENTION.NOT_ALLOWED',
  'OWN_DATA.UNAVAILABLE',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** The Dutch sentence a user sees for each code, unless the thrower gives a more specific one. */
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
  'CASE.STEP_NOT_NEEDED': 'Deze stap hoort nu niet bij de zaak.',
  'CASE.DATE_INVALID': 'Deze datum kan niet: niet in de toekomst en niet vóór het incident.',
  'CASE.RESTRICTIONS_DECISION_REQUIRED':
    'De beperkende maatregelen lopen nog. Kies bij het afsluiten of ze nu eindigen of doorlopen (met de herinnering voor het herstelgesprek).',
  'CASE.DAMAGE_RECOVERY_REASON_REQUIRED':
    'Er is schade of verzuim gemeld: kies "Schade verhalen" of leg vast waarom de schade niet wordt verhaald.',
  'CASE.INFORMED_PERSON_UNKNOWN': 'Kies iemand uit de lijst.',
  'CASE.PROPOSAL_REPLACED': 'Dit voorstel is inmiddels vervangen door een nieuw voorstel. Bekijk het nieuwste voorstel in je chat.',
  'FIGURES.NOT_ALLOWED': 'Cijfers zijn er voor de coördinator VPT en voor de afhandelaars van een organisatie.',
  'FIGURES.INVALID_PERIOD': 'Kies een periode van hele maanden, niet in de toekomst en hoogstens 36 maanden lang.',
  'RETENTION.NOT_ALLOWED': 'De bewaartermijn beheert de coördinator VPT.',
  'OWN_DATA.UNAVAILABLE': 'Je gegevens opvragen kan op dit moment niet. Vraag de functioneel beheerder of de coördinator VPT om een overzicht.',
};

export interface DomainErrorOptions {
  /** Developer-facing detail for logs; never personal data. */
  readonly detail?: string;
  /** Dutch text for the user, when the default for the code is too general. */
  readonly userMessage?: string;
  readonly cause?: unknown;
}

/** A broken business rule, with a stable code for programs and a Dutch message for people. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly userMessage: string;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.code = code;
    this.userMessage = options.userMessage ?? DOMAIN_ERROR_MESSAGES[code];
  }
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
