import { DateTime } from 'luxon';
import { z } from 'zod';
import { isCaseNumber } from './case-number';
import type { Deadline, DeadlineKind } from './deadlines';
import { DomainError } from './errors';
import { MEETING_GOALS, MEETING_KINDS, type MeetingKind } from './meeting-kinds';
import { AMSTERDAM, WorkingDayCalendar, type LocalDate } from './working-days';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

// The conversations with the perpetrator that the handler books are defined once, in meeting-kinds.ts.
export { MEETING_KINDS, MEETING_KIND_LABELS, OFFICE_HOLDER_INVITED_BY_DEFAULT, type MeetingKind } from './meeting-kinds';

export const ATTENDEE_ROLES = ['handler', 'officeHolder', 'coordinator', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export interface MeetingAttendee {
  readonly name?: string;
  readonly email: string;
  readonly role: AttendeeRole;
}

/** In a room (free text, never a home address) or online as a Teams meeting. */
export type MeetingVenue = { readonly type: 'location'; readonly location: string } | { readonly type: 'online' };

/** A half-open interval [start, end) of UTC instants. */
export interface TimeInterval {
  readonly start: Date;
  readonly end: Date;
}

/** A planned conversation, stored on the case; the calendar event mirrors it. */
export interface MeetingPlan {
  readonly id: string;
  readonly kind: MeetingKind;
  /** UTC instant. */
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly venue: MeetingVenue;
  readonly attendees: readonly MeetingAttendee[];
  /** The Graph event id once the event exists in the handler's calendar. */
  readonly eventId?: string;
  readonly status: 'planned' | 'cancelled';
  /** 'ics' when calendar integration is off and the handler sends the invitation from an .ics file. */
  readonly calendar: 'graph' | 'ics';
  /** Raised on every change, so calendar clients accept an updated .ics (iCalendar SEQUENCE). */
  readonly revision: number;
}

export const MEETING_LIMITS = {
  minDurationMinutes: 15,
  maxDurationMinutes: 240,
  maxAttendees: 20,
  location: 200,
  name: 100,
  email: 254,
} as const;

/** The shape of a meeting's .ics token (the only key to its file): 32 random bytes, base64url. */
export const ICS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

// ---------------------------------------------------------------------------------------------
// Validation of untrusted input (card data)
// ---------------------------------------------------------------------------------------------

/** What can be wrong with a meeting's input; src/copy/meetings.copy.ts words each one for the handler. */
export const MEETING_ISSUE_CODES = [
  'onlineMissing',
  'nameNotText',
  'nameTooLong',
  'nameNotOneLine',
  'emailMissing',
  'emailTooLong',
  'emailInvalid',
  'emailDuplicate',
  'roleMissing',
  'kindMissing',
  'dateMissing',
  'dateInvalid',
  'dateDoesNotExist',
  'timeMissing',
  'timeInvalid',
  'timeSkippedBySummerTime',
  'inThePast',
  'durationMissing',
  'durationNotWhole',
  'durationTooShort',
  'durationTooLong',
  'locationNotText',
  'locationTooLong',
  'locationNotOneLine',
  'locationRequired',
  'attendeesMissing',
  'tooManyAttendees',
  'handlerRequired',
  'meetingCancelled',
  /** Input no card produces (e.g. not an object at all): zod's own check, without a code of ours. */
  'inputInvalid',
] as const;
export type MeetingIssueCode = (typeof MEETING_ISSUE_CODES)[number];

/** One problem with the input: the field it belongs to (e.g. `attendees.2.email`) and what is wrong. */
export interface MeetingIssue {
  readonly field: string;
  readonly code: MeetingIssueCode;
}

function isMeetingIssueCode(value: string): value is MeetingIssueCode {
  return (MEETING_ISSUE_CODES as readonly string[]).includes(value);
}

/** A zod message that is one of our codes; parseInput reads it back as the issue's code. */
const says = (code: MeetingIssueCode): string => code;

export type MeetingResult = { readonly ok: true; readonly plan: MeetingPlan } | { readonly ok: false; readonly issues: readonly MeetingIssue[] };

// Input.Toggle in an Adaptive Card submits 'true'/'false' strings; z.coerce.boolean would read 'false' as true.
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
  errorMap: () => ({ message: says('onlineMissing') }),
});

const attendeeSchema = z.object({
  name: z
    .string({ invalid_type_error: says('nameNotText') })
    .trim()
    .max(MEETING_LIMITS.name, says('nameTooLong'))
    .regex(/^[^\r\n]*$/, says('nameNotOneLine'))
    .optional()
    .transform((name) => (name === '' ? undefined : name)),
  email: z
    .string({ required_error: says('emailMissing'), invalid_type_error: says('emailMissing') })
    .trim()
    .min(1, says('emailMissing'))
    .max(MEETING_LIMITS.email, says('emailTooLong'))
    .email(says('emailInvalid')),
  role: z.enum(ATTENDEE_ROLES, { errorMap: () => ({ message: says('roleMissing') }) }),
});

const meetingInputSchema = z
  .object({
    kind: z.enum(MEETING_KINDS, { errorMap: () => ({ message: says('kindMissing') }) }),
    /** Amsterdam calendar date, as Input.Date submits it. */
    date: z.string({ required_error: says('dateMissing'), invalid_type_error: says('dateMissing') }).regex(/^\d{4}-\d{2}-\d{2}$/, says('dateInvalid')),
    /** Amsterdam wall-clock time, as Input.Time submits it. */
    time: z
      .string({ required_error: says('timeMissing'), invalid_type_error: says('timeMissing') })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('timeInvalid')),
    durationMinutes: z.coerce
      .number({ invalid_type_error: says('durationMissing') })
      .int(says('durationNotWhole'))
      .min(MEETING_LIMITS.minDurationMinutes, says('durationTooShort'))
      .max(MEETING_LIMITS.maxDurationMinutes, says('durationTooLong')),
    online: toggle,
    location: z
      .string({ invalid_type_error: says('locationNotText') })
      .trim()
      .max(MEETING_LIMITS.location, says('locationTooLong'))
      .regex(/^[^\r\n]*$/, says('locationNotOneLine'))
      .optional(),
    attendees: z
      .array(attendeeSchema, { required_error: says('attendeesMissing'), invalid_type_error: says('attendeesMissing') })
      .min(1, says('attendeesMissing'))
      .max(MEETING_LIMITS.maxAttendees, says('tooManyAttendees')),
  })
  .superRefine((input, ctx) => {
    if (!input.online && (input.location === undefined || input.location === '')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['location'], message: says('locationRequired') });
    }
    if (!input.attendees.some((attendee) => attendee.role === 'handler')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['attendees'], message: says('handlerRequired') });
    }
    const seen = new Set<string>();
    input.attendees.forEach((attendee, index) => {
      const key = attendee.email.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['attendees', index, 'email'], message: says('emailDuplicate') });
      }
      seen.add(key);
    });
  });

/** What the handler fills in on the planning card. */
export type MeetingInput = z.input<typeof meetingInputSchema>;

type ParsedInput = { kind: MeetingKind; startsAt: Date; durationMinutes: number; venue: MeetingVenue; attendees: MeetingAttendee[] };

function parseInput(input: unknown, now: Date): { ok: true; value: ParsedInput } | { ok: false; issues: MeetingIssue[] } {
  const parsed = meetingInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'meeting', code: isMeetingIssueCode(issue.message) ? issue.message : 'inputInvalid' })) };
  }
  const value = parsed.data;
  const local = DateTime.fromISO(`${value.date}T${value.time}`, { zone: AMSTERDAM });
  if (!local.isValid) {
    return { ok: false, issues: [{ field: 'date', code: 'dateDoesNotExist' }] };
  }
  // Luxon moves a time in the spring-forward gap (02:00–03:00) an hour on; say so instead of booking another time.
  if (local.toFormat('HH:mm') !== value.time) {
    return { ok: false, issues: [{ field: 'time', code: 'timeSkippedBySummerTime' }] };
  }
  const startsAt = local.toUTC().toJSDate();
  if (startsAt.getTime() < now.getTime()) {
    return { ok: false, issues: [{ field: 'date', code: 'inThePast' }] };
  }
  const venue: MeetingVenue = value.online ? { type: 'online' } : { type: 'location', location: value.location ?? '' };
  const attendees = value.attendees.map((a): MeetingAttendee => (a.name === undefined ? { email: a.email, role: a.role } : { name: a.name, email: a.email, role: a.role }));
  return { ok: true, value: { kind: value.kind, startsAt, durationMinutes: value.durationMinutes, venue, attendees } };
}

/** Validates the card input and plans a new meeting; `id` comes from the caller so the domain stays deterministic. */
export function planMeeting(input: unknown, context: { readonly id: string; readonly now: Date; readonly calendar: 'graph' | 'ics' }): MeetingResult {
  const parsed = parseInput(input, context.now);
  if (!parsed.ok) {
    return parsed;
  }
  return { ok: true, plan: { id: context.id, ...parsed.value, status: 'planned', calendar: context.calendar, revision: 0 } };
}

/** Moves a planned meeting to a new time, place or attendee list; keeps its id and calendar event. */
export function rescheduleMeeting(plan: MeetingPlan, input: unknown, now: Date): MeetingResult {
  if (plan.status === 'cancelled') {
    return { ok: false, issues: [{ field: 'meeting', code: 'meetingCancelled' }] };
  }
  const parsed = parseInput(input, now);
  if (!parsed.ok) {
    return parsed;
  }
  return { ok: true, plan: { ...plan, ...parsed.value, revision: plan.revision + 1 } };
}

/** Cancels a meeting; cancelling twice changes nothing. */
export function cancelMeeting(plan: MeetingPlan): MeetingPlan {
  return plan.status === 'cancelled' ? plan : { ...plan, status: 'cancelled', revision: plan.revision + 1 };
}

/** Records the calendar event that now mirrors the plan. */
export function withEventId(plan: MeetingPlan, eventId: string): MeetingPlan {
  return { ...plan, eventId };
}

// ---------------------------------------------------------------------------------------------
// Derived values
// ---------------------------------------------------------------------------------------------

/** When the meeting ends (UTC). */
export function meetingEnd(plan: Pick<MeetingPlan, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(plan.startsAt.getTime() + plan.durationMinutes * 60_000);
}

/** The calendar subject: the case number only, so the invitation reveals nothing about the incident. */
export function neutralSubject(caseNumber: string): string {
  if (!isCaseNumber(caseNumber)) {
    throw new DomainError('CASE.INVALID_CASE_NUMBER', { detail: 'meeting subject' });
  }
  return `Gesprek ${caseNumber}`;
}

/** Graph's idempotency key for creating this meeting's event: the same on every retry, new for a new meeting. */
export function meetingTransactionId(plan: Pick<MeetingPlan, 'id'>): string {
  return `wb-meeting-${plan.id}`;
}

/** The Amsterdam date and time of an instant, as the planning card's Input.Date/Input.Time want them. */
export function toAmsterdamLocal(instant: Date): { readonly date: LocalDate; readonly time: string } {
  const local = DateTime.fromJSDate(instant, { zone: AMSTERDAM });
  return { date: local.toISODate() as LocalDate, time: local.toFormat('HH:mm') };
}

/** The deadline a meeting kind answers to; a combined meeting is also the incidentgesprek, so the 72 hours apply. */
export function meetingDeadlineKind(kind: MeetingKind): DeadlineKind {
  return MEETING_GOALS[kind][0];
}

/** The case's deadline for this kind of meeting, if the case has one. */
export function meetingDeadline(kind: MeetingKind, deadlines: readonly Deadline[]): Deadline | undefined {
  const wanted = meetingDeadlineKind(kind);
  return deadlines.find((deadline) => deadline.kind === wanted);
}

/**
 * True when the meeting starts after its deadline (false without one). Booking late is allowed: the
 * guide says "idealiter", so the form warns (src/copy/meetings.copy.ts) and never refuses.
 */
export function startsAfterDeadline(plan: Pick<MeetingPlan, 'startsAt'>, deadline: Deadline | undefined): deadline is Deadline {
  return deadline !== undefined && plan.startsAt.getTime() > deadline.dueAt.getTime();
}

// ---------------------------------------------------------------------------------------------
// Free slots
// ---------------------------------------------------------------------------------------------

export interface SlotOptions {
  /** Start of the working day, Amsterdam time, 'HH:mm'. Default 09:00. */
  readonly workdayStart?: string;
  /** End of the working day, Amsterdam time, 'HH:mm'. Default 17:00. */
  readonly workdayEnd?: string;
  /** Slots start on multiples of this many minutes after the start of the working day. Default 30. */
  readonly stepMinutes?: number;
  /** At most this many proposals. Default 5. */
  readonly maxSlots?: number;
  /** At most this many proposals on one day, to offer a choice of days. Default: no limit. */
  readonly maxPerDay?: number;
}

const DEFAULT_SLOT_OPTIONS = { workdayStart: '09:00', workdayEnd: '17:00', stepMinutes: 30, maxSlots: 5, maxPerDay: Number.POSITIVE_INFINITY };
/** A window longer than this is a caller's mistake; it also bounds the loop. */
const MAX_WINDOW_DAYS = 366;

function clockTime(text: string, label: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match === null) {
    throw new RangeError(`${label} must be HH:mm, got ${text}`);
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * Proposes meeting slots in which every listed person is free: on working days, within working
 * hours (Amsterdam), starting no earlier than `window.from` and ending no later than `window.until`
 * (normally the deadline). Earliest first. `busy` holds one list of busy intervals per person.
 */
export function proposeSlots(
  busy: readonly (readonly TimeInterval[])[],
  window: { readonly from: Date; readonly until: Date },
  durationMinutes: number,
  calendar: WorkingDayCalendar,
  options: SlotOptions = {},
): TimeInterval[] {
  const settings = { ...DEFAULT_SLOT_OPTIONS, ...options };
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`durationMinutes must be a positive integer, got ${durationMinutes}`);
  }
  if (!Number.isInteger(settings.stepMinutes) || settings.stepMinutes <= 0) {
    throw new RangeError(`stepMinutes must be a positive integer, got ${settings.stepMinutes}`);
  }
  const open = clockTime(settings.workdayStart, 'workdayStart');
  const close = clockTime(settings.workdayEnd, 'workdayEnd');
  const from = window.from.getTime();
  const until = window.until.getTime();
  const allBusy = busy.flat();
  const slots: TimeInterval[] = [];
  let day = DateTime.fromJSDate(window.from, { zone: AMSTERDAM }).startOf('day');
  const lastDay = DateTime.fromJSDate(window.until, { zone: AMSTERDAM }).startOf('day');
  for (let scanned = 0; day <= lastDay && scanned < MAX_WINDOW_DAYS && slots.length < settings.maxSlots; scanned += 1) {
    if (calendar.isWorkingDay(day.toISODate() as LocalDate)) {
      const dayClose = day.set(close).toMillis();
      let onThisDay = 0;
      for (let start = day.set(open); slots.length < settings.maxSlots && onThisDay < settings.maxPerDay; start = start.plus({ minutes: settings.stepMinutes })) {
        const end = start.plus({ minutes: durationMinutes });
        if (end.toMillis() > dayClose || end.toMillis() > until) {
          break;
        }
        const slot = { start: start.toJSDate(), end: end.toJSDate() };
        if (start.toMillis() >= from && !allBusy.some((interval) => overlaps(interval, slot))) {
          slots.push(slot);
          onThisDay += 1;
        }
      }
    }
    day = day.plus({ days: 1 });
  }
  return slots;
}
