/** What a card action answers when it cannot act: the same words from every card that meets the case. */

/** The case is gone or not the caller's: one answer for both, so nothing is given away. */
export const CASE_NOT_FOUND_TEXT = 'Deze zaak bestaat niet (meer) of je hebt er geen toegang toe.';

/** The action came without the caller's Entra ID (not from Teams with a work account). */
export const UNKNOWN_CALLER_TEXT = 'Ik kan niet zien wie je bent. Gebruik deze kaart vanuit Microsoft Teams met je werkaccount.';

/** Making the police information form failed; nothing was sent. */
export const POLICE_FORM_FAILED_TEXT = 'Het politieformulier kon nu niet worden gemaakt. Probeer het over een moment opnieuw.';

/** Someone who is not a handler of the case's desk pressed a handler's button. */
export const ONLY_HANDLERS = 'Alleen de afhandelaars van deze zaak kunnen dit doen. Je ziet de actuele stand van zaken.';

/** Someone other than the office holder answered the proposal of measures. */
export const ONLY_OFFICE_HOLDER = 'Alleen de betrokkene kan op dit voorstel reageren.';

/** A recidive suggestion that was decided meanwhile, or is no longer open. */
export const MATCH_NOT_OPEN = 'Over deze mogelijke overeenkomst is al besloten, of hij staat niet meer open. Dit is de actuele stand.';
