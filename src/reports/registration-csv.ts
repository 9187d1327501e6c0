import { stringify } from 'csv-stringify/sync';
import { BEHAVIOUR_DOMAIN_LABELS } from '../copy/behaviour-domains.copy';
import { CASE_STATUS_LABELS } from '../copy/case.copy';
import { GUIDE_DEADLINE_TITLES } from '../copy/figure-view.copy';
import { findOrganisation } from '../domain/organisations';
import { BEHAVIOUR_LEVELS, CRIMINAL_OFFENCE_ANSWER_LABELS, INJURY_LABELS, ONLINE_CHANNEL_LABELS } from '../domain/report';
import { INCIDENT_KIND_LABELS } from '../copy/report.copy';
import { OFFICE_HOLDER_ROLE_LABELS } from '../domain/roles';
import type { DeadlineFact, RegistrationRow } from '../domain/registration/registration-row';

/**
 * The anonymous registration as CSV for a Dutch spreadsheet: UTF-8 with a byte-order mark (so Excel
 * reads it as UTF-8), `;` between fields (a Dutch Excel expects that, the comma being the decimal
 * sign), CRLF line ends, dates as dd-mm-jjjj, quotes only where a field needs them (csv-stringify).
 * Every field is a fixed label or a number made by the bot, never user text, so no field can start
 * a spreadsheet formula.
 */

const yesNo = (value: boolean): string => (value ? 'Ja' : 'Nee');

/** 'yyyy-MM-dd' → 'dd-mm-jjjj'. */
export function dutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

function deadlineText(fact: DeadlineFact | undefined, now: Date): string {
  if (fact === undefined) return '';
  if (fact.outcome === 'onTime') return 'Op tijd';
  if (fact.outcome === 'missed') return 'Niet op tijd';
  return Date.parse(fact.dueAt) <= now.getTime() ? 'Open, termijn verstreken' : 'Open, termijn loopt';
}

const COLUMNS: readonly { readonly header: string; readonly value: (row: RegistrationRow, now: Date) => string | number }[] = [
  { header: 'Datum incident', value: (r) => dutchDate(r.incidentDate) },
  { header: 'Datum melding', value: (r) => dutchDate(r.reportedDate) },
  { header: 'Organisatie', value: (r) => findOrganisation(r.organisationId)?.name ?? r.organisationId },
  { header: 'Functie', value: (r) => OFFICE_HOLDER_ROLE_LABELS[r.officeHolderRole] },
  { header: 'Niveau (ik–jullie–jij)', value: (r) => `${r.level} ${BEHAVIOUR_LEVELS[r.level - 1].title}` },
  { header: 'Categorieën', value: (r) => r.kinds.map((k) => INCIDENT_KIND_LABELS[k]).join(', ') },
  // Empty for a case counted before its domains were recorded: no guess in the registration.
  { header: 'Gedragsdomeinen', value: (r) => (r.domains ?? []).map((d) => BEHAVIOUR_DOMAIN_LABELS[d]).join(', ') },
  { header: 'Offline of online', value: (r) => (r.channel === 'online' ? 'Online' : 'Offline') },
  { header: 'Kanaal', value: (r) => (r.onlineChannel === undefined ? '' : ONLINE_CHANNEL_LABELS[r.onlineChannel]) },
  { header: 'Letsel', value: (r) => (r.injury.length === 0 ? 'Geen' : r.injury.map((i) => INJURY_LABELS[i]).join(', ')) },
  { header: 'Schade aan eigendommen', value: (r) => yesNo(r.propertyDamage) },
  { header: 'Verzuim', value: (r) => yesNo(r.absenceFromWork) },
  { header: 'Vermoeden strafbaar feit', value: (r) => CRIMINAL_OFFENCE_ANSWER_LABELS[r.criminalOffenceSuspected] },
  { header: 'Melding of aangifte politie', value: (r) => ({ none: 'Geen', planned: 'Gepland', made: 'Gedaan' })[r.policeReport] },
  { header: 'Pleger eerder gemeld (ten minste één zaak)', value: (r) => yesNo(r.repeatPerpetrator) },
  { header: 'Status', value: (r) => CASE_STATUS_LABELS[r.status] },
  { header: 'Opgepakt na (minuten)', value: (r) => r.takenAfterMinutes ?? '' },
  { header: GUIDE_DEADLINE_TITLES.measures, value: (r, now) => deadlineText(r.measures, now) },
  { header: GUIDE_DEADLINE_TITLES.policeAppointment, value: (r, now) => deadlineText(r.policeAppointment, now) },
  { header: 'Afgesloten met', value: (r) => (r.closedWith === undefined ? '' : r.closedWith === 'response' ? 'Reactie richting pleger' : 'Geen reactie mogelijk') },
];

/** The rows as a CSV file (bytes), oldest report first; `now` decides whether an open deadline has passed. */
export function registrationCsv(rows: readonly RegistrationRow[], now: Date): Buffer {
  const sorted = [...rows].sort((a, b) => a.reportedDate.localeCompare(b.reportedDate) || a.incidentDate.localeCompare(b.incidentDate));
  const text = stringify(
    sorted.map((row) => COLUMNS.map((column) => column.value(row, now))),
    { bom: true, delimiter: ';', record_delimiter: 'windows', header: true, columns: COLUMNS.map((c) => c.header) },
  );
  return Buffer.from(text, 'utf8');
}

/** A file name for the export, e.g. "weerbaar-bestuur-registratie-2025-12-tot-2026-11.csv". */
export function registrationCsvFileName(period: { from: string; to: string }): string {
  return `weerbaar-bestuur-registratie-${period.from}-tot-${period.to}.csv`;
}
