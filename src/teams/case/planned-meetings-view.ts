/** Meetings planned with the perpetrator (issue 5), as the handler's case card shows them. */
import { DateTime } from 'luxon';
import { type Case, MEETING_KIND_LABELS, type MeetingKind } from '../../domain/case';
import { formatDutchDateTime } from '../../copy/dates.copy';
import { AMSTERDAM } from '../../domain/working-days';
import { ICS_FALLBACK_NOTE } from '../../copy/calendar.copy';
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

/** Where a planned meeting's calendar stands, alike on the case card and on the meeting's own card. */
export interface MeetingCalendarView {
  /** E.g. "✓ In de agenda gezet; de uitnodiging is verstuurd." */
  calendarText: string;
  calendarColor: 'Good' | 'Attention' | 'Default';
  failureMessage: string;
  warning: string;
  icsUrl: string;
  canRetry: boolean;
}

/** One planned meeting on the case card. */
export interface PlannedMeetingViewModel extends MeetingCalendarView {
  meetingId: string;
  /** "📅 Incidentgesprek · dinsdag 1 december 2026 om 12:00 · 60 minuten · online (Teams)". */
  title: string;
  /** "Verzetten of annuleren" opens the meeting. */
  canOpen: boolean;
}


/**
 * A safety cap per list for the card's size (Teams refuses cards over about 28 KB); far above what a
 * case plans. Every planned meeting is listed, so a moved meeting never loses its buttons (issue 14).
 */
export const PLANNED_MEETINGS_MAX = 12;
/** Calendar failures are explained in full (e.g. what the administrator must grant), up to this length. */
const CALENDAR_MESSAGE_MAX = 1200;

/** The meetings on the case card: every planned one, earliest first, and the cancelled ones apart (folded on the card). */
export interface PlannedMeetingsParts {
  plannedMeetings: PlannedMeetingViewModel[];
  cancelledMeetings: PlannedMeetingViewModel[];
  /** "Geannuleerde gesprekken (2)": the title of the folded list; '' when there are none. */
  cancelledMeetingsTitle: string;
}

/** The planned meetings as the case card lists them: all planned ones, and the cancelled ones in a list of their own. */
export function plannedMeetingsPart(c: Case, meetings: readonly PlannedMeetingInfo[] | undefined, limits: TextLimits): PlannedMeetingsParts {
  const open = c.status !== 'closed';
  const sorted = [...(meetings ?? [])].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const view = (m: PlannedMeetingInfo): PlannedMeetingViewModel => {
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
      // A cancellation the calendar has not taken yet keeps its retry button, in the folded list too.
      canRetry: m.calendar === 'graph' && m.calendarState !== 'done',
      canOpen: open && !m.cancelled,
    };
  };
  const planned = onceEach(sorted.filter((m) => !m.cancelled).slice(0, PLANNED_MEETINGS_MAX).map(view));
  // The most recent cancellations are kept when there are more than the cap.
  const cancelled = onceEach(sorted.filter((m) => m.cancelled).slice(-PLANNED_MEETINGS_MAX).map(view));
  return {
    plannedMeetings: planned,
    cancelledMeetings: cancelled,
    cancelledMeetingsTitle: cancelled.length === 0 ? '' : `Geannuleerde gesprekken (${cancelled.length})`,
  };
}

/** A long failure message (e.g. what the administrator must grant) is shown in full once per list; later meetings refer to it. */
function onceEach(meetings: PlannedMeetingViewModel[]): PlannedMeetingViewModel[] {
  const seen = new Set<string>();
  return meetings.map((m) => {
    if (m.failureMessage === '') return m;
    if (!seen.has(m.failureMessage)) {
      seen.add(m.failureMessage);
      return m;
    }
    return { ...m, failureMessage: 'Zie de melding bij het gesprek hierboven.' };
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
