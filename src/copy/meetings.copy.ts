import { DEADLINE_LABELS } from '../domain/deadlines';
import { MEETING_LIMITS, startsAfterDeadline, type AttendeeRole, type MeetingIssue, type MeetingIssueCode, type MeetingPlan } from '../domain/meetings';
import type { Deadline } from '../domain/deadlines';
import { formatDutchDateTime } from './dates.copy';

/** The Dutch around planning a meeting with the perpetrator: attendee roles, the late warning, the cancellation. */

export const ATTENDEE_ROLE_LABELS: Readonly<Record<AttendeeRole, string>> = {
  handler: 'Afhandelaar',
  officeHolder: 'Betrokkene',
  coordinator: 'Coördinator VPT',
  other: 'Overige deelnemer',
};

/** The note sent to attendees with a cancellation: as neutral as the subject. */
export const MEETING_CANCELLED_COMMENT = 'Dit gesprek gaat niet door.';

/** Dutch warning when the meeting starts after its deadline; undefined when it is on time or there is no deadline. */
export function afterDeadlineWarning(plan: Pick<MeetingPlan, 'startsAt'>, deadline: Deadline | undefined): string | undefined {
  if (!startsAfterDeadline(plan, deadline)) {
    return undefined;
  }
  const due = formatDutchDateTime(deadline.dueAt);
  if (deadline.kind === 'incidentMeeting') {
    return `Let op: dit tijdstip valt na de termijn van 72 uur na het incident (${due}). Het gesprek kan wel worden gepland; de handreiking vraagt het idealiter binnen 72 uur te voeren.`;
  }
  return `Let op: dit tijdstip valt na de termijn "${DEADLINE_LABELS[deadline.kind]}" (${due}). Het gesprek kan wel worden gepland.`;
}

/** The Dutch sentence for each problem with the planning card's input (src/domain/meetings.ts finds them). */
export const MEETING_ISSUE_MESSAGES: Readonly<Record<MeetingIssueCode, string>> = {
  onlineMissing: 'Geef aan of het gesprek online is.',
  nameNotText: 'De naam moet tekst zijn.',
  nameTooLong: `Een naam is maximaal ${MEETING_LIMITS.name} tekens.`,
  nameNotOneLine: 'Een naam past op één regel.',
  emailMissing: 'Vul een e-mailadres in.',
  emailTooLong: 'Dit e-mailadres is te lang.',
  emailInvalid: 'Dit is geen geldig e-mailadres.',
  emailDuplicate: 'Dit e-mailadres staat al in de lijst.',
  roleMissing: 'Kies de rol van deze deelnemer.',
  kindMissing: 'Kies het soort gesprek.',
  dateMissing: 'Vul een datum in.',
  dateInvalid: 'Vul een geldige datum in.',
  dateDoesNotExist: 'Deze datum bestaat niet.',
  timeMissing: 'Vul een tijd in.',
  timeInvalid: 'Vul een geldige tijd in (uu:mm).',
  timeSkippedBySummerTime: 'Dit tijdstip bestaat niet op deze dag (overgang naar zomertijd).',
  inThePast: 'Een gesprek kan niet in het verleden worden gepland.',
  durationMissing: 'Vul de duur in minuten in.',
  durationNotWhole: 'Vul de duur in hele minuten in.',
  durationTooShort: `Een gesprek duurt minimaal ${MEETING_LIMITS.minDurationMinutes} minuten.`,
  durationTooLong: `Een gesprek duurt maximaal ${MEETING_LIMITS.maxDurationMinutes} minuten (4 uur).`,
  locationNotText: 'De locatie moet tekst zijn.',
  locationTooLong: `De locatie is maximaal ${MEETING_LIMITS.location} tekens.`,
  locationNotOneLine: 'De locatie past op één regel.',
  locationRequired: 'Vul een locatie in, of kies voor een online gesprek.',
  attendeesMissing: 'Nodig ten minste de afhandelaar uit.',
  tooManyAttendees: `Nodig maximaal ${MEETING_LIMITS.maxAttendees} deelnemers uit.`,
  handlerRequired: 'De afhandelaar moet bij het gesprek zijn.',
  meetingCancelled: 'Dit gesprek is geannuleerd; plan een nieuw gesprek.',
  inputInvalid: 'Controleer de gegevens van het gesprek.',
};

/** A problem with the planning card as the handler reads it: the field it belongs to and a Dutch sentence. */
export interface MeetingIssueMessage {
  readonly field: string;
  readonly message: string;
}

/** The Dutch for one problem the domain found in the planning card's input. */
export function meetingIssueMessage(issue: MeetingIssue): MeetingIssueMessage {
  return { field: issue.field, message: MEETING_ISSUE_MESSAGES[issue.code] };
}

/** What the handler reads with a meeting whose calendar could not be brought up to date. */
export const CALENDAR_SYNC_MESSAGES = {
  calendarOff:
    'De agendakoppeling met Microsoft 365 staat inmiddels uit. Dit gesprek is vastgelegd in de zaak; zet het zelf in je agenda of vraag de beheerder de koppeling aan te zetten.',
  unexpected: 'Er ging iets mis bij het bijwerken van de agenda. Probeer het opnieuw; lukt het niet, neem dan contact op met de beheerder.',
  retrying: 'De bot probeert het de komende tijd vanzelf opnieuw; zodra het gelukt is, zie je dat hier.',
} as const;

/** What the handler reads when a meeting cannot be planned or changed. */
export const MEETING_MESSAGES = {
  notHandler: 'Alleen de afhandelaars van deze zaak kunnen gesprekken met de pleger plannen.',
  noOrganiserEmail:
    'Je e-mailadres staat niet in de directory van de bot. Vraag de beheerder het toe te voegen: zonder e-mailadres kan de bot geen uitnodiging maken.',
  meetingNotFound: 'Dit gesprek hoort niet bij deze zaak of bestaat niet meer.',
  officeHolderEmailUnknown: 'Het e-mailadres van de betrokkene staat niet in de directory. Vul het zo nodig in bij de andere deelnemers.',
  ...CALENDAR_SYNC_MESSAGES,
  inProgress: 'Dit gesprek wordt al ingepland. Even geduld: zo meteen zie je hieronder of het in de agenda staat.',
} as const;

/** Why the planning card proposes no times, or fewer checks than usual. */
export const AVAILABILITY_PROBLEMS = {
  ownCalendarUnreadable: 'Je eigen agenda kon niet worden gelezen, dus de bot stelt geen tijden voor. Kies zelf een tijdstip.',
  officeHolderCalendarUnreadable: 'De agenda van de betrokkene kon niet worden gelezen; de voorgestelde tijden houden alleen rekening met jouw agenda.',
  /** `why`: the calendar error's own sentence (what to do about it). */
  scheduleFailed: (why: string): string => `Er konden geen vrije tijden worden opgehaald. ${why}`,
} as const;

/** The Dutch warning on the form, with what to do next. */
export function overlapMessage(plan: Pick<MeetingPlan, 'startsAt' | 'durationMinutes'>, overlap: { readonly handler: boolean; readonly officeHolder: boolean }): string {
  const whose = overlap.handler && overlap.officeHolder ? 'in jouw agenda en in die van de betrokkene' : overlap.handler ? 'in je agenda' : 'in de agenda van de betrokkene';
  return (
    `Op ${formatDutchDateTime(plan.startsAt)} (${plan.durationMinutes} minuten) staat al iets ${whose}. ` +
    'Kies een ander tijdstip of een kortere duur, of druk nog eens op "Gesprek inplannen" om het toch zo te plannen.'
  );
}
