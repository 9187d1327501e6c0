/**
 * Card text about the calendar that more than one card shows. The .ics file itself is made in
 * src/graph/ics.ts; what a person reads about it is presentation and lives here.
 */

/** Shown with a planned meeting's .ics link: why there is a file instead of an invitation. */
export const ICS_FALLBACK_NOTE =
  'De agendakoppeling met Microsoft 365 staat uit. Het gesprek is vastgelegd in de zaak, maar er is nog geen uitnodiging verstuurd: ' +
  'open het bijgevoegde .ics-bestand in Outlook en verstuur de uitnodiging vanuit je eigen agenda.';
