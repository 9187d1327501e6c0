import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  CalendarUnavailableError,
  isCalendarError,
  type CalendarGateway,
  type CancelEventRequest,
  type CancelOutcome,
  type CreateEventRequest,
  type PersonAvailability,
  type UpdateEventRequest,
} from '../app/calendar-ports';
import type { Logger } from '../app/logger';
import { meetingEnd, neutralSubject, type MeetingPlan, type TimeInterval } from '../domain/meetings';
import { AMSTERDAM } from '../domain/working-days';
import { withGraphRetry, type CalendarOperation, type RetryOptions } from './graph-errors';

/**
 * CalendarGateway on Microsoft Graph, app-only: every call names the handler's mailbox
 * (/users/{mailbox}/…). Request and response shapes follow learn.microsoft.com/graph
 * (event, calendar: getSchedule, event: cancel).
 */

/**
 * Windows name of Europe/Amsterdam's rules. Graph documents Windows names plus a fixed list of IANA
 * names for dateTimeTimeZone and Prefer: outlook.timezone; Europe/Amsterdam is not on that list.
 */
export const GRAPH_TIME_ZONE = 'W. Europe Standard Time';
export const PREFER_AMSTERDAM = `outlook.timezone="${GRAPH_TIME_ZONE}"`;

/**
 * A named extended property that carries the transactionId, so a create can first look for the event
 * an earlier attempt (or an earlier process) made. The GUID is this app's own property namespace.
 */
export const TRANSACTION_PROPERTY_ID = 'String {dda92882-08fb-4bc9-ab77-e1946e30e48a} Name WeerbaarBestuurTransactionId';

/** getSchedule statuses that leave the person free; tentative, busy, oof and unknown count as busy. */
const FREE_STATUSES = new Set(['free', 'workingelsewhere']);

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().optional() });
const scheduleResponse = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      scheduleItems: z.array(z.object({ status: z.string().optional(), start: dateTimeTimeZone, end: dateTimeTimeZone })).optional(),
      error: z.object({ responseCode: z.string().optional() }).passthrough().nullable().optional(),
    }),
  ),
});
const eventResponse = z.object({ id: z.string().min(1) });
const eventListResponse = z.object({ value: z.array(eventResponse) });

export interface GraphCalendarGatewayOptions {
  readonly client: Client;
  readonly retry?: RetryOptions;
  readonly logger?: Logger;
}

function graphLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** Reads a Graph dateTimeTimeZone; undefined for a zone we cannot interpret. */
function fromGraphDateTime(value: z.infer<typeof dateTimeTimeZone>): Date | undefined {
  const name = value.timeZone ?? 'UTC';
  const zone = name === GRAPH_TIME_ZONE ? AMSTERDAM : name === 'UTC' ? 'utc' : name;
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The Graph event body for a plan: neutral subject, Amsterdam time, attendees other than the organiser. */
export function toGraphEvent(plan: MeetingPlan, caseNumber: string, mailbox: string, purpose: 'create' | 'update'): Record<string, unknown> {
  const organiser = mailbox.toLowerCase();
  const venue =
    plan.venue.type === 'online'
      ? // Clearing a room on update; once online, Graph keeps the Teams link (isOnlineMeeting cannot be undone).
        { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', ...(purpose === 'update' ? { location: { displayName: '' } } : {}) }
      : { location: { displayName: plan.venue.location } };
  return {
    subject: neutralSubject(caseNumber),
    start: { dateTime: graphLocal(plan.startsAt, AMSTERDAM), timeZone: GRAPH_TIME_ZONE },
    end: { dateTime: graphLocal(meetingEnd(plan), AMSTERDAM), timeZone: GRAPH_TIME_ZONE },
    ...venue,
    attendees: plan.attendees
      .filter((attendee) => attendee.email.toLowerCase() !== organiser)
      .map((attendee) => ({
        type: 'required',
        emailAddress: attendee.name === undefined ? { address: attendee.email } : { address: attendee.email, name: attendee.name },
      })),
    // Private: people who can see the handler's calendar see only "busy". Hidden attendees: the
    // perpetrator, usually external, does not get the office holder's or coordinator's address.
    sensitivity: 'private',
    hideAttendees: true,
  };
}

/** Microsoft Graph implementation of the calendar port. */
export class GraphCalendarGateway implements CalendarGateway {
  private readonly client: Client;
  private readonly retry: RetryOptions;

  constructor(options: GraphCalendarGatewayOptions) {
    this.client = options.client;
    this.retry = { ...options.retry, logger: options.retry?.logger ?? options.logger };
  }

  async getSchedule(mailbox: string, emails: readonly string[], window: { readonly from: Date; readonly until: Date }): Promise<PersonAvailability[]> {
    if (window.until.getTime() <= window.from.getTime()) {
      throw new RangeError('getSchedule window must end after it starts');
    }
    const wanted = [...new Map(emails.map((email) => [email.toLowerCase(), email])).values()];
    if (wanted.length === 0) {
      return [];
    }
    const body = {
      schedules: wanted,
      // The window in UTC: exact, with no doubt about the hour that occurs twice in October.
      startTime: { dateTime: graphLocal(window.from, 'utc'), timeZone: 'UTC' },
      endTime: { dateTime: graphLocal(window.until, 'utc'), timeZone: 'UTC' },
      availabilityViewInterval: 30,
    };
    const raw = await withGraphRetry(
      'getSchedule',
      () => this.client.api(`/users/${encodeURIComponent(mailbox)}/calendar/getSchedule`).header('Prefer', PREFER_AMSTERDAM).header('Content-Type', 'application/json').post(body),
      this.retry,
    );
    const parsed = this.parse('getSchedule', scheduleResponse, raw);
    return wanted.map((email): PersonAvailability => {
      const info = parsed.value.find((item) => item.scheduleId.toLowerCase() === email.toLowerCase());
      if (info === undefined || (info.error !== undefined && info.error !== null)) {
        return { email, busy: [], known: false };
      }
      const busy: TimeInterval[] = [];
      for (const item of info.scheduleItems ?? []) {
        if (FREE_STATUSES.has((item.status ?? 'busy').toLowerCase())) {
          continue;
        }
        const start = fromGraphDateTime(item.start);
        const end = fromGraphDateTime(item.end);
        if (start === undefined || end === undefined) {
          // One unreadable item makes the whole day doubtful: report unknown rather than free.
          return { email, busy: [], known: false };
        }
        busy.push({ start, end });
      }
      return { email, busy, known: true };
    });
  }

  async createEvent(request: CreateEventRequest): Promise<string> {
    if (request.plan.status !== 'planned') {
      throw new Error('createEvent: the meeting is cancelled');
    }
    const mailbox = encodeURIComponent(request.mailbox);
    const body = {
      ...toGraphEvent(request.plan, request.caseNumber, request.mailbox, 'create'),
      // Graph's own idempotency key for POST /events, and our copy of it that we can search on.
      transactionId: request.transactionId,
      singleValueExtendedProperties: [{ id: TRANSACTION_PROPERTY_ID, value: request.transactionId }],
    };
    const raw = await withGraphRetry(
      'createEvent',
      async () => {
        // Every attempt looks first: a POST whose answer was lost may still have created the event.
        const existing = await this.findByTransactionId(mailbox, request.transactionId);
        if (existing !== undefined) {
          return existing;
        }
        return this.client.api(`/users/${mailbox}/events`).header('Prefer', PREFER_AMSTERDAM).header('Content-Type', 'application/json').post(body);
      },
      this.retry,
    );
    return this.parse('createEvent', eventResponse, raw).id;
  }

  async updateEvent(request: UpdateEventRequest): Promise<void> {
    if (request.plan.status !== 'planned') {
      throw new Error('updateEvent: the meeting is cancelled; use cancelEvent');
    }
    const body = toGraphEvent(request.plan, request.caseNumber, request.mailbox, 'update');
    await withGraphRetry(
      'updateEvent',
      () =>
        this.client
          .api(`/users/${encodeURIComponent(request.mailbox)}/events/${encodeURIComponent(request.eventId)}`)
          .header('Prefer', PREFER_AMSTERDAM)
          .header('Content-Type', 'application/json')
          .patch(body),
      this.retry,
    );
  }

  async cancelEvent(request: CancelEventRequest): Promise<CancelOutcome> {
    try {
      await withGraphRetry(
        'cancelEvent',
        () =>
          this.client
            .api(`/users/${encodeURIComponent(request.mailbox)}/events/${encodeURIComponent(request.eventId)}/cancel`)
            .header('Content-Type', 'application/json')
            .post({ Comment: request.comment }),
        this.retry,
      );
      return 'cancelled';
    } catch (error) {
      if (isCalendarError(error, 'CALENDAR.EVENT_NOT_FOUND')) {
        return 'alreadyGone';
      }
      throw error;
    }
  }

  private async findByTransactionId(encodedMailbox: string, transactionId: string): Promise<unknown> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(TRANSACTION_PROPERTY_ID)} and ep/value eq ${odataString(transactionId)})`;
    const raw: unknown = await this.client
      .api(`/users/${encodedMailbox}/events`)
      // The SDK does not encode query values itself.
      .query({ $filter: encodeURIComponent(filter), $select: 'id', $top: '2' })
      .get();
    const found = this.parse('createEvent', eventListResponse, raw).value;
    if (found.length > 1) {
      this.retry.logger?.warn('graph.duplicate_events', { count: found.length });
    }
    return found[0];
  }

  private parse<T>(operation: CalendarOperation, schema: z.ZodType<T>, raw: unknown): T {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      this.retry.logger?.error('graph.unexpected_response', { code: operation });
      throw new CalendarUnavailableError('Microsoft 365 gaf een onverwacht antwoord. Probeer het later opnieuw.', 1, undefined, { cause: parsed.error });
    }
    return parsed.data;
  }
}
