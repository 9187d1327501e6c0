/** What a person reads when a card action on a case is refused (CaseHandlingService's outcomes). */

/** Someone who is not a handler of the case's desk pressed a handler's button. */
export const ONLY_HANDLERS = 'Alleen de afhandelaars van deze zaak kunnen dit doen. Je ziet de actuele stand van zaken.';

/** Someone other than the office holder answered the proposal of measures. */
export const ONLY_OFFICE_HOLDER = 'Alleen de betrokkene kan op dit voorstel reageren.';

/** A recidive suggestion that was decided meanwhile, or is no longer open. */
export const MATCH_NOT_OPEN = 'Over deze mogelijke overeenkomst is al besloten, of hij staat niet meer open. Dit is de actuele stand.';
