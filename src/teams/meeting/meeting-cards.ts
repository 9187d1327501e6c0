/**
 * View-models for the meeting cards (cards/meeting-plan.json, cards/meeting-planned.json) and the
 * planned-meeting lines of the case card. No card JSON is built here and nothing is read from the
 * environment: the .ics link comes in as a value.
 */
import { toInputValue } from '../cards/escape';
import { DateTime } from 'luxon';
import { noIncidentMeetingDeadlineReason, type Case } from '../../domain/case';
import { DEADLINE_LABELS } from '../../domain/deadlines';
import { formatDutchDateTime, timeLeft } from '../../copy/dates.copy';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_LIMITS,
  meetingDeadline,
  meetingEnd,
  OFFICE_HOLDER_INVITED_BY_DEFAULT,
  toAmsterdamLocal,
  type MeetingPlan,
} from '../../domain/meetings';
import { afterDeadlineWarning, ATTENDEE_ROLE_LABELS, type MeetingIssueMessage } from '../../copy/meetings.copy';
import { AMSTERDAM, amsterdamDate } from '../../domain/working-days';
import type { MeetingRecord, PlanningForm } from '../../app/meeting.service';
import { toCardText } from '../cards/escape';
import { CASE_VERBS, plannedMeetingStatus, type FactViewModel, type MeetingCalendarView, type PlannedMeetingInfo } from '../case/case-cards';

/** Template names (files in cards/) of meeting planning. */
export const MEETING_CARD_NAMES = { plan: 'meeting-plan', planned: 'meeting-planned' } as const;

/** Every Action.Execute verb of meeting planning; the templates (and the case card) use exactly these. */
export const MEETING_VERBS = {
  /** The button already on the handler's case card: answers with the planning form. */
  plan: CASE_VERBS.planMeeting,
  book: 'meeting.book',
  reschedule: 'meeting.reschedule',
  cancel: 'meeting.cancel',
  retry: CASE_VERBS.retryMeeting,
  show: CASE_VERBS.showMeeting,
  backToCase: 'meeting.backToCase',
} as const;

/** Ids of the inputs on the meeting cards; Teams merges each value into the action's data under its id. */
export const MEETING_INPUT_IDS = {
  kind: 'kind',
  slot: 'slot',
  date: 'date',
  time: 'time',
  durationMinutes: 'durationMinutes',
  online: 'online',
  location: 'location',
  inviteOfficeHolder: 'inviteOfficeHolder',
  inviteCoordinator: 'inviteCoordinator',
  otherEmails: 'otherEmails',
} as const;

/** Minutes the duration list offers. */
export const DURATION_CHOICES = [30, 45, 60, 90, 120] as const;
/** Longest list of other e-mail addresses the form takes, in characters. */
export const OTHER_EMAILS_MAX_LENGTH = 1000;

/** What the handler typed into a form, as Teams sent it back; prefills the form after a refused input. */
export interface MeetingFormValues {
  kind?: string;
  slot?: string;
  date?: string;
  time?: string;
  durationMinutes?: string;
  online?: string;
  location?: string;
  inviteOfficeHolder?: string;
  inviteCoordinator?: string;
  otherEmails?: string;
}

interface Choice {
  title: string;
  value: string;
}

// ---------------------------------------------------------------------------------------------
// Shared formatting
// ---------------------------------------------------------------------------------------------

/** "dinsdag 1 december 2026 om 12:00–13:00". */
export function meetingWhen(plan: Pick<MeetingPlan, 'startsAt' | 'durationMinutes'>): string {
  return `${formatDutchDateTime(plan.startsAt)}–${DateTime.fromJSDate(meetingEnd(plan), { zone: AMSTERDAM }).toFormat('HH:mm')}`;
}

function durationChoices(current: number): Choice[] {
  const minutes = [...new Set<number>([...DURATION_CHOICES, current])].sort((a, b) => a - b);
  return minutes.map((m) => ({ title: `${m} minuten`, value: String(m) }));
}

const inputValue = toInputValue;

/** Dutch issue lines: the field's label, then the domain's message. */
export function issueLines(issues: readonly MeetingIssueMessage[]): string[] {
  const label = (field: string): string => {
    if (field === 'kind') return 'Soort gesprek';
    if (field === 'date' || field === 'time') return 'Tijdstip';
    if (field === 'durationMinutes') return 'Duur';
    if (field === 'online' || field === 'location') return 'Waar';
    if (field === 'inviteOfficeHolder') return 'Betrokkene';
    if (field.startsWith('attendees')) return 'Deelnemers';
    return 'Gesprek';
  };
  return [...new Set(issues.map((issue) => `${label(issue.field)}: ${toCardText(issue.message, 300)}`))];
}

/** The planned meeting as the case card lists it. */
export function plannedMeetingInfo(record: MeetingRecord, c: Case, icsUrl: string): PlannedMeetingInfo {
  const plan = record.plan;
  const warning = plan.status === 'planned' ? afterDeadlineWarning(plan, meetingDeadline(plan.kind, c.deadlines)) : undefined;
  return {
    meetingId: plan.id,
    kind: plan.kind,
    startsAt: plan.startsAt,
    durationMinutes: plan.durationMinutes,
    ...(plan.venue.type === 'location' ? { location: plan.venue.location } : {}),
    cancelled: plan.status === 'cancelled',
    calendar: plan.calendar,
    calendarState: record.sync.state,
    ...(record.sync.failure === undefined ? {} : { failureMessage: record.sync.failure.message }),
    ...(plan.calendar === 'ics' ? { icsUrl } : {}),
    ...(warning === undefined ? {} : { warning }),
  };
}

// ---------------------------------------------------------------------------------------------
// The planning form
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/meeting-plan.json. */
/** The when and where inputs, alike on the planning card and on the planned meeting (to reschedule). */
interface MeetingTimeInputs {
  date: string;
  time: string;
  dateMin: string;
  durationMinutes: string;
  durationChoices: Choice[];
  onlineTitle: string;
  online: 'true' | 'false';
  location: string;
  locationMaxLength: number;
}

/** The online choice: a Teams meeting when Graph books it, else a link the handler sends along. */
const ONLINE_TITLES = { graph: 'Online, als Teams-vergadering', ics: 'Online (de link stuur je zelf mee)' } as const;

export interface MeetingPlanViewModel extends MeetingTimeInputs {
  caseId: string;
  meetingId: string;
  caseNumber: string;
  title: string;
  intro: string;
  notice: string;
  issues: string[];
  deadlineText: string;
  deadlineColor: 'Attention' | 'Default';
  calendarNote: string;
  availabilityProblem: string;
  kind: string;
  kindChoices: Choice[];
  slotsIntro: string;
  slotWarning: string;
  slots: Choice[];
  slotValue: string;
  dateLabel: string;
  /** Under the date and time when slots are proposed: a changed date or time wins over the selected slot. */
  typedTimeNote: string;
  organiserText: string;
  canInviteOfficeHolder: boolean;
  officeHolderTitle: string;
  inviteOfficeHolder: 'true' | 'false';
  officeHolderHint: string;
  /** Why the office holder is not invited by default to a meeting about the incident; '' otherwise. */
  officeHolderReason: string;
  canInviteCoordinator: boolean;
  coordinatorTitle: string;
  inviteCoordinator: 'true' | 'false';
  otherEmails: string;
  otherEmailsMaxLength: number;
  privacyText: string;
  canBook: boolean;
  /** Sent with "Gesprek inplannen": the time the handler was warned overlaps their agenda ('' when not warned). */
  acceptOverlap: string;
  /** Plan the other kind instead (incident ⇄ herstel); '' when the case has no herstelgesprek deadline. */
  switchKindTitle: string;
  switchKindValue: string;
  /** Whether the office holder's calendar was taken into account ('true'/'false'), kept when switching kind. */
  withOfficeHolder: 'true' | 'false';
  switchOfficeHolderTitle: string;
  switchOfficeHolderValue: 'true' | 'false';
}

export interface MeetingPlanOptions {
  now: Date;
  notice?: string;
  issues?: readonly MeetingIssueMessage[];
  /** What the handler typed, after a refused input. */
  values?: MeetingFormValues;
  /** The overlap the handler was just warned of (MeetingOutcome 'invalid'.overlapKey): a second press books anyway. */
  acceptOverlap?: string;
}

const FORM_TEXT_MAX = 300;

/** Builds the planning form: deadline, proposed free slots, time and place, and who is invited. */
export function meetingPlanViewModel(form: PlanningForm, options: MeetingPlanOptions): MeetingPlanViewModel {
  const c = form.case;
  const values = options.values ?? {};
  const label = MEETING_KIND_LABELS[form.kind];
  const first = form.slots[0];
  const firstLocal = first === undefined ? undefined : toAmsterdamLocal(first.start);
  const officeHolderKnown = form.officeHolder.email !== undefined;
  const withOfficeHolder = form.officeHolderInvited;
  const coordinatorKnown = form.coordinator.email !== undefined;
  const slotChoices = form.slots.map((slot): Choice => {
    const local = toAmsterdamLocal(slot.start);
    const day = DateTime.fromJSDate(slot.start, { zone: AMSTERDAM }).setLocale('nl').toFormat('cccc d LLLL');
    const end = DateTime.fromJSDate(slot.end, { zone: AMSTERDAM }).toFormat('HH:mm');
    return { title: `${day} ${local.time}–${end}`, value: `${local.date}T${local.time}` };
  });
  const custom = { title: 'Een ander tijdstip (hieronder kiezen)', value: CUSTOM_SLOT };
  const slotValue = values.slot !== undefined && [...slotChoices, custom].some((s) => s.value === values.slot) ? values.slot : (slotChoices[0]?.value ?? CUSTOM_SLOT);
  const duration = Number(values.durationMinutes) > 0 ? Math.round(Number(values.durationMinutes)) : form.durationMinutes;
  const other = form.kind === 'restorationMeeting' ? 'incidentMeeting' : 'restorationMeeting';
  return {
    caseId: c.id,
    meetingId: form.meetingId,
    caseNumber: toCardText(c.caseNumber, 40),
    title: `${label} plannen`,
    intro:
      `Plan het gesprek met de pleger. De uitnodiging heeft als onderwerp alleen "Gesprek ${toCardText(c.caseNumber, 40)}" en zegt niets over het incident.`,
    notice: toCardText(options.notice, FORM_TEXT_MAX),
    issues: issueLines(options.issues ?? []),
    ...deadlinePart(form, options.now),
    calendarNote:
      form.calendar === 'ics'
        ? 'De agendakoppeling met Microsoft 365 staat uit. Het gesprek wordt vastgelegd in de zaak en je krijgt een agendabestand (.ics) om de uitnodiging vanuit je eigen agenda te versturen.'
        : '',
    availabilityProblem: toCardText(form.availabilityProblem, 1200),
    kind: values.kind !== undefined && (MEETING_KINDS as readonly string[]).includes(values.kind) ? values.kind : form.kind,
    kindChoices: MEETING_KINDS.map((kind) => ({ title: MEETING_KIND_LABELS[kind], value: kind })),
    slotsIntro: slotsIntro(form),
    slotWarning: form.slotsAfterDeadline
      ? `Vóór de termijn is niemand meer tegelijk vrij binnen werktijd; deze tijden vallen erna. Een later tijdstip mag, maar de handreiking vraagt het gesprek ${form.kind === 'restorationMeeting' ? 'bij het einde van de beperkende maatregelen' : 'binnen 72 uur na het incident'}.`
      : '',
    slots: slotChoices.length === 0 ? [] : [...slotChoices, custom],
    slotValue,
    dateLabel: slotChoices.length === 0 ? 'Datum' : 'Ander tijdstip: datum',
    typedTimeNote: slotChoices.length === 0 ? '' : TYPED_TIME_NOTE,
    date: inputValue(values.date, 20) || (firstLocal?.date ?? amsterdamDate(options.now)),
    time: inputValue(values.time, 20) || (firstLocal?.time ?? '10:00'),
    dateMin: amsterdamDate(options.now),
    durationMinutes: String(duration),
    durationChoices: durationChoices(duration),
    onlineTitle: ONLINE_TITLES[form.calendar],
    online: values.online === 'true' ? 'true' : 'false',
    location: inputValue(values.location, MEETING_LIMITS.location),
    locationMaxLength: MEETING_LIMITS.location,
    organiserText: `${toCardText(form.organiser.name, 100)} (jij) ${form.calendar === 'graph' ? 'organiseert het gesprek vanuit je eigen agenda' : 'organiseert het gesprek'} en is altijd uitgenodigd.`,
    canInviteOfficeHolder: officeHolderKnown,
    officeHolderTitle: `De betrokkene uitnodigen (${toCardText(form.officeHolder.name, 100)})`,
    inviteOfficeHolder: values.inviteOfficeHolder !== undefined ? (values.inviteOfficeHolder === 'true' ? 'true' : 'false') : withOfficeHolder ? 'true' : 'false',
    officeHolderReason: officeHolderKnown && !OFFICE_HOLDER_INVITED_BY_DEFAULT[form.kind] ? OFFICE_HOLDER_REASON : '',
    officeHolderHint: officeHolderKnown ? '' : 'Het e-mailadres van de betrokkene staat niet in de directory. Wil je de betrokkene uitnodigen, vul het adres dan in bij de andere deelnemers.',
    canInviteCoordinator: coordinatorKnown,
    coordinatorTitle: `De coördinator VPT uitnodigen (${toCardText(form.coordinator.name, 100)})`,
    inviteCoordinator: values.inviteCoordinator === 'true' ? 'true' : 'false',
    otherEmails: inputValue(values.otherEmails, OTHER_EMAILS_MAX_LENGTH),
    otherEmailsMaxLength: OTHER_EMAILS_MAX_LENGTH,
    privacyText:
      form.calendar === 'graph'
        ? 'Deelnemers zien elkaars e-mailadressen niet, en wie jouw agenda kan inzien ziet alleen dat je bezet bent.'
        : 'Let op: wie je met het agendabestand uitnodigt, ziet de e-mailadressen van de andere deelnemers. Nodig de pleger zo nodig apart uit.',
    canBook: form.organiser.email !== undefined,
    acceptOverlap: options.acceptOverlap ?? '',
    switchKindTitle: form.restorationDue ? `${MEETING_KIND_LABELS[other]} plannen` : '',
    switchKindValue: form.restorationDue ? other : '',
    withOfficeHolder: withOfficeHolder ? 'true' : 'false',
    switchOfficeHolderTitle:
      form.calendar === 'graph' && officeHolderKnown
        ? withOfficeHolder
          ? 'Tijden zoeken zonder de betrokkene'
          : 'Tijden zoeken met de betrokkene erbij'
        : '',
    switchOfficeHolderValue: withOfficeHolder ? 'false' : 'true',
  };
}

/** The guide's reason (restated) why the office holder is not invited to an incidentgesprek unless they want to be. */
export const OFFICE_HOLDER_REASON =
  'Staat standaard uit: dit gesprek gaat over het gedrag van de pleger, en de betrokkene hoeft de pleger niet zelf te spreken. Zet het alleen aan als de betrokkene erbij wil zijn.';

/** How a typed time and a selected slot go together (the booking reads them so: see typedTimeWins). */
export const TYPED_TIME_NOTE = 'Verander je de datum of de tijd, dan geldt dat tijdstip en niet het gekozen voorstel.';

/** The slot list's value for "I pick a time myself". */
export const CUSTOM_SLOT = 'custom';

function deadlinePart(form: PlanningForm, now: Date): Pick<MeetingPlanViewModel, 'deadlineText' | 'deadlineColor'> {
  const deadline = form.deadline;
  if (deadline === undefined) {
    return { deadlineText: noDeadlineText(form), deadlineColor: 'Default' };
  }
  const left = timeLeft(deadline.dueAt, now);
  const due = formatDutchDateTime(deadline.dueAt);
  if (left.overdue) {
    return { deadlineText: `⚠️ De termijn "${DEADLINE_LABELS[deadline.kind]}" is verstreken (${due}). Het gesprek kan wel worden gepland.`, deadlineColor: 'Attention' };
  }
  return { deadlineText: `Termijn: ${DEADLINE_LABELS[deadline.kind]} uiterlijk ${due} (${left.text}).`, deadlineColor: 'Default' };
}

/** Why the form shows no deadline: the measures did not choose that conversation, or nobody is known to talk to. */
function noDeadlineText(form: PlanningForm): string {
  if (form.kind === 'restorationMeeting') {
    return 'Er is geen einddatum van beperkende maatregelen vastgelegd, dus geen termijn voor het herstelgesprek.';
  }
  switch (noIncidentMeetingDeadlineReason(form.case)) {
    case 'perpetratorUnknown':
      return 'Er loopt geen termijn voor dit gesprek: volgens de melding is de pleger onbekend.';
    case 'notChosen':
      return 'Er loopt geen termijn voor dit gesprek: er is (nog) geen incidentgesprek als maatregel voorgesteld.';
    default:
      return '';
  }
}

function slotsIntro(form: PlanningForm): string {
  if (form.slots.length === 0) {
    return form.availabilityProblem === undefined ? 'Er zijn geen vrije tijden binnen werktijd gevonden. Kies hieronder zelf een tijdstip.' : 'Kies hieronder zelf een tijdstip.';
  }
  const before = form.slotsAfterDeadline || form.deadline === undefined ? '' : form.kind === 'restorationMeeting' ? ', vóór het einde van de beperkende maatregelen' : ', vóór de termijn';
  if (form.calendar === 'ics') {
    return `Voorgestelde tijden binnen werktijd${before}, buiten je andere gesprekken in deze bot. Je Outlook-agenda is niet bekeken: controleer zelf of je dan kunt.`;
  }
  const who = form.checked.includes('officeHolder') ? 'jij en de betrokkene' : 'jij';
  return `Voorgestelde tijden waarop ${who} vrij ${form.checked.includes('officeHolder') ? 'zijn' : 'bent'} volgens Outlook, binnen werktijd${before}.`;
}

// ---------------------------------------------------------------------------------------------
// One planned meeting
// ---------------------------------------------------------------------------------------------

/** Data bound to cards/meeting-planned.json. */
export interface MeetingPlannedViewModel extends MeetingTimeInputs, MeetingCalendarView {
  caseId: string;
  meetingId: string;
  caseNumber: string;
  title: string;
  notice: string;
  issues: string[];
  facts: FactViewModel[];
  canReschedule: boolean;
  canCancel: boolean;
  rescheduleText: string;
  cancelText: string;
}

export interface MeetingPlannedOptions {
  now: Date;
  /** The meeting's .ics link (used when calendar integration is off). */
  icsUrl: string;
  notice?: string;
  issues?: readonly MeetingIssueMessage[];
  /** What the handler typed into the reschedule form, after a refused input. */
  values?: MeetingFormValues;
}

/** Builds the card of one meeting: when, where, who, where the calendar stands, and reschedule / cancel / retry. */
export function meetingPlannedViewModel(record: MeetingRecord, c: Case, options: MeetingPlannedOptions): MeetingPlannedViewModel {
  const plan = record.plan;
  const info = plannedMeetingInfo(record, c, options.icsUrl);
  const cancelled = plan.status === 'cancelled';
  const open = !cancelled && c.status !== 'closed';
  const local = toAmsterdamLocal(plan.startsAt);
  const values = options.values ?? {};
  const duration = Number(values.durationMinutes) > 0 ? Math.round(Number(values.durationMinutes)) : plan.durationMinutes;
  const venue = plan.venue.type === 'online' ? (plan.calendar === 'graph' ? 'Online (Teams-vergadering)' : ONLINE_TITLES.ics) : toCardText(plan.venue.location, MEETING_LIMITS.location);
  const attendees = plan.attendees
    .map((a) => (a.role === 'other' ? toCardText(a.email, MEETING_LIMITS.email) : `${toCardText(a.name ?? a.email, 100)} (${ATTENDEE_ROLE_LABELS[a.role].toLowerCase()})`))
    .join(', ');
  const status = plannedMeetingStatus(info);
  return {
    caseId: c.id,
    meetingId: plan.id,
    caseNumber: toCardText(c.caseNumber, 40),
    title: `${MEETING_KIND_LABELS[plan.kind]}${cancelled ? ' (geannuleerd)' : ''}`,
    notice: toCardText(options.notice, FORM_TEXT_MAX),
    issues: issueLines(options.issues ?? []),
    facts: [
      { title: 'Wanneer', value: meetingWhen(plan) },
      { title: 'Duur', value: `${plan.durationMinutes} minuten` },
      { title: 'Waar', value: venue },
      { title: 'Deelnemers', value: attendees },
      { title: 'Onderwerp in de agenda', value: `Gesprek ${toCardText(record.caseNumber, 40)}` },
      { title: 'Status', value: cancelled ? 'Geannuleerd' : 'Gepland' },
    ],
    calendarText: status.text,
    calendarColor: status.color,
    failureMessage: info.calendarState === 'failed' ? toCardText(info.failureMessage, 1200) : '',
    warning: toCardText(info.warning, 1200),
    icsUrl: info.icsUrl ?? '',
    canRetry: plan.calendar === 'graph' && record.sync.state !== 'done',
    canReschedule: open,
    canCancel: !cancelled,
    date: inputValue(values.date, 20) || local.date,
    time: inputValue(values.time, 20) || local.time,
    dateMin: amsterdamDate(options.now),
    durationMinutes: String(duration),
    durationChoices: durationChoices(duration),
    onlineTitle: ONLINE_TITLES[plan.calendar],
    online: (values.online ?? String(plan.venue.type === 'online')) === 'true' ? 'true' : 'false',
    location: inputValue(values.location ?? (plan.venue.type === 'location' ? plan.venue.location : ''), MEETING_LIMITS.location),
    locationMaxLength: MEETING_LIMITS.location,
    rescheduleText:
      plan.calendar === 'graph'
        ? 'De deelnemers krijgen de wijziging vanuit je agenda.'
        : 'Open daarna het agendabestand opnieuw en verstuur de wijziging vanuit je eigen agenda.',
    cancelText:
      plan.calendar === 'graph'
        ? `Weet je het zeker? De deelnemers krijgen een annulering met de tekst "Dit gesprek gaat niet door."`
        : 'Weet je het zeker? Open daarna het agendabestand en verstuur de annulering vanuit je eigen agenda.',
  };
}
