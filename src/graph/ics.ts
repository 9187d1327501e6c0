import { meetingEnd, neutralSubject, type MeetingAttendee, type MeetingPlan } from '../domain/meetings';

/**
 * The .ics fallback (RFC 5545, iTIP METHOD per RFC 5546) for when calendar integration is off: the
 * meeting is still recorded on the case, and the handler opens this file to send the invitation.
 * Times are in UTC, so no VTIMEZONE is needed; every client shows them in its own zone.
 */

export interface IcsOrganiser {
  readonly name?: string;
  readonly email: string;
}

export interface IcsFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: string;
}

const PRODID = '-//Provincie Utrecht//Weerbaar Bestuur bot//NL';
const MAX_LINE_OCTETS = 75;

/** 20261201T090000Z */
function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value such as CN: quoted when it holds ':', ';' or ','; DQUOTE cannot appear at all (§3.2). */
function paramValue(text: string): string {
  const clean = oneLine(text).replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function mailto(email: string): string {
  return `mailto:${oneLine(email)}`;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function attendeeLine(attendee: MeetingAttendee, organiserEmail: string): string {
  const isOrganiser = attendee.email.toLowerCase() === organiserEmail.toLowerCase();
  const params = [
    ...(attendee.name === undefined ? [] : [`CN=${paramValue(attendee.name)}`]),
    'CUTYPE=INDIVIDUAL',
    isOrganiser ? 'ROLE=CHAIR' : 'ROLE=REQ-PARTICIPANT',
    isOrganiser ? 'PARTSTAT=ACCEPTED' : 'PARTSTAT=NEEDS-ACTION',
    ...(isOrganiser ? [] : ['RSVP=TRUE']),
  ];
  return `ATTENDEE;${params.join(';')}:${mailto(attendee.email)}`;
}

/** A stable UID per meeting, so a rescheduled or cancelled .ics replaces the earlier invitation. */
export function icsUid(plan: Pick<MeetingPlan, 'id'>): string {
  return `${plan.id}@weerbaar-bestuur`;
}

/**
 * The iCalendar text for a meeting: METHOD:REQUEST while planned, METHOD:CANCEL once cancelled.
 * `generatedAt` is DTSTAMP (required by RFC 5545); SEQUENCE is the plan's revision.
 */
export function toIcs(plan: MeetingPlan, caseNumber: string, organiser: IcsOrganiser, generatedAt: Date): string {
  const cancelled = plan.status === 'cancelled';
  const venue =
    plan.venue.type === 'online'
      ? ['LOCATION:Online', `DESCRIPTION:${escapeText('Online gesprek. De organisator stuurt de link om deel te nemen.')}`]
      : [`LOCATION:${escapeText(oneLine(plan.venue.location))}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${icsUid(plan)}`,
    `SEQUENCE:${plan.revision}`,
    `DTSTAMP:${utcStamp(generatedAt)}`,
    `DTSTART:${utcStamp(plan.startsAt)}`,
    `DTEND:${utcStamp(meetingEnd(plan))}`,
    `SUMMARY:${escapeText(neutralSubject(caseNumber))}`,
    ...venue,
    `ORGANIZER${organiser.name === undefined ? '' : `;CN=${paramValue(organiser.name)}`}:${mailto(organiser.email)}`,
    ...plan.attendees.map((attendee) => attendeeLine(attendee, organiser.email)),
    // Mirrors the Graph event's sensitivity: shared calendars show only "busy".
    'CLASS:PRIVATE',
    'TRANSP:OPAQUE',
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The .ics as a file to attach to a Teams message. */
export function icsFile(plan: MeetingPlan, caseNumber: string, organiser: IcsOrganiser, generatedAt: Date): IcsFile {
  const method = plan.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return {
    fileName: `gesprek-${caseNumber}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: toIcs(plan, caseNumber, organiser, generatedAt),
  };
}
