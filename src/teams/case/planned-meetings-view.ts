/** Meetings planned with the perpetrator (issue 5), as the handler's case card shows them. */
import { DateTime } from 'luxon';
import { type Case, MEETING_KIND_LABELS, type MeetingKind } from '../../domain/case';
import { formatDutchDateTime } from '../../domain/deadlines';
import { AMSTERDAM } from '../../domain/working-days';
import { ICS_FALLBACK_NOTE } from '../cards/calendar-copy';
import { toCardText } from '../cards/escape';
import { type TextLimits } from './case-card-contract';

/** A meeting planned from the case card, as the meeting service records it; the card formats it. */
export interface PlannedMeetingInfo {
  meetingId: string;
  kind: MeetingKind;
  startsAt: Date;
  durationMinutes: number;
  /** The room; undefined for an online (Teams) meeting. */
  location?: string;
  cancelled: boolean;
  /** 'graph': in the handler's Outlook calendar; 'ics': calendar integration is off. */
  calendar: 'graph' | 'ics';
  /** Whether the calendar has caught up with the plan. */
  calendarState: 'pending' | 'done' | 'failed';
  /** Dutch: why the calendar is not up to date (shown in full: it may tell what an administrator must grant). */
  failureMessage?: string;
  /** The .ics link, when calendar integration is off. */
  icsUrl?: string;
  /** Dutch: the meeting falls after its deadline. */
  warning?: string;
}

/** One planned meeting on the case card. */
export interface PlannedMeetingViewModel {
  meetingId: string;
  /** "📅 Incidentgesprek · dinsdag 1 december 2026 om 12:00 · 60 minuten · online (Teams)". */
  title: string;
  /** Where the calendar stands, e.g. "✓ In de agenda gezet; de uitnodiging is verstuurd." */
  calendarText: string;
  calendarColor: 'Good' | 'Attention' | 'Default';
  failureMessage: string;
  warning: string;
  icsUrl: string;
  canRetry: boolean;
  /** "Verzetten of annuleren" opens the meeting. */
  canOpen: boolean;
}


/** The case card lists at most this many planned meetings, the earliest first. */
export const PLANNED_MEETINGS_MAX = 4;
/** Calendar failures are explained in full (e.g. what the administrator must grant), up to this length. */
const CALENDAR_MESSAGE_MAX = 1200;

/** The planned meetings as the case card lists them: the next few, a cancelled one while it is still ahead. */
export function plannedMeetingsPart(c: Case, meetings: readonly PlannedMeetingInfo[] | undefined, at: Date, limits: TextLimits): PlannedMeetingViewModel[] {
  const now = at.getTime();
  const open = c.status !== 'closed';
  return [...(meetings ?? [])]
    // A cancelled meeting stays in view while it is still ahead: the handler may have to send the cancellation.
    .filter((m) => !m.cancelled || m.startsAt.getTime() > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, PLANNED_MEETINGS_MAX)
    .map((m): PlannedMeetingViewModel => {
      const end = DateTime.fromJSDate(m.startsAt, { zone: AMSTERDAM }).plus({ minutes: m.durationMinutes }).toFormat('HH:mm');
      const venue = m.location === undefined ? (m.calendar === 'graph' ? 'online (Teams)' : 'online') : toCardText(m.location, limits.text);
      const status = plannedMeetingStatus(m);
      return {
        meetingId: m.meetingId,
        title: `📅 ${MEETING_KIND_LABELS[m.kind]}${m.cancelled ? ' (geannuleerd)' : ''} · ${formatDutchDateTime(m.startsAt)}–${end} · ${m.durationMinutes} minuten · ${venue}`,
        calendarText: status.text,
        calendarColor: status.color,
        failureMessage: m.calendarState === 'failed' ? toCardText(m.failureMessage, CALENDAR_MESSAGE_MAX) : '',
        warning: m.cancelled ? '' : toCardText(m.warning, CALENDAR_MESSAGE_MAX),
        icsUrl: m.calendar === 'ics' && m.icsUrl !== undefined ? m.icsUrl : '',
        canRetry: m.calendar === 'graph' && m.calendarState !== 'done',
        canOpen: open && !m.cancelled,
      };
    });
}

/** Where the calendar stands for a planned meeting, in Dutch, with its colour. */
export function plannedMeetingStatus(m: PlannedMeetingInfo): { text: string; color: PlannedMeetingViewModel['calendarColor'] } {
  if (m.calendar === 'ics') {
    return m.cancelled
      ? { text: 'Geannuleerd. De agendakoppeling staat uit: open het agendabestand (.ics) en verstuur de annulering vanuit je eigen agenda.', color: 'Default' }
      : { text: ICS_FALLBACK_NOTE, color: 'Default' };
  }
  switch (m.calendarState) {
    case 'done':
      return m.cancelled
        ? { text: '✓ Geannuleerd in de agenda; de deelnemers hebben bericht gekregen.', color: 'Good' }
        : { text: '✓ In de agenda gezet; de deelnemers hebben een uitnodiging gekregen.', color: 'Good' };
    case 'pending':
      return { text: '⏳ De agenda wordt bijgewerkt. Staat het er over een minuut nog niet in, probeer het dan opnieuw.', color: 'Default' };
    case 'failed':
      return { text: m.cancelled ? '⚠️ De annulering is nog niet in de agenda verwerkt.' : '⚠️ De agenda is nog niet bijgewerkt.', color: 'Attention' };
  }
}
