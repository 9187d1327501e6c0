import type { MeetingPlan, TimeInterval } from '../domain/meetings';

/**
 * The calendar port: what the plan-meeting use case needs from a calendar (Microsoft Graph in
 * production). Adapters throw only the CalendarError subclasses below, so a use case can explain
 * every failure to the handler in Dutch without knowing about Graph.
 */

/** What Exchange knows about one person's time in the window. */
export interface PersonAvailability {
  readonly email: string;
  readonly busy: readonly TimeInterval[];
  /** False when Exchange could not tell (external address, no mailbox, no access): unknown, not free. */
  readonly known: boolean;
}

export interface CreateEventRequest {
  /** The handler's mailbox (UPN or SMTP address); the event is created in its default calendar. */
  readonly mailbox: string;
  readonly plan: MeetingPlan;
  readonly caseNumber: string;
  /** The same value on every retry of this meeting (see meetingTransactionId), so Graph never books it twice. */
  readonly transactionId: string;
}

export interface UpdateEventRequest {
  readonly mailbox: string;
  readonly eventId: string;
  readonly plan: MeetingPlan;
  readonly caseNumber: string;
}

export interface CancelEventRequest {
  readonly mailbox: string;
  readonly eventId: string;
  /** Sent to the attendees with the cancellation; keep it as neutral as the subject. */
  readonly comment: string;
}

/** 'alreadyGone' when the event no longer exists (deleted in Outlook): the outcome the handler wanted. */
export type CancelOutcome = 'cancelled' | 'alreadyGone';

export interface CalendarGateway {
  /** Busy intervals of each person in the window, read through the handler's mailbox. */
  getSchedule(mailbox: string, emails: readonly string[], window: { readonly from: Date; readonly until: Date }): Promise<PersonAvailability[]>;
  /** Creates the event (or finds the one an earlier attempt created) and returns its id. */
  createEvent(request: CreateEventRequest): Promise<string>;
  /** Moves the event to the plan's time, place and attendees; Exchange sends the updates. */
  updateEvent(request: UpdateEventRequest): Promise<void>;
  /** Cancels the event; Exchange sends the cancellation to the attendees. */
  cancelEvent(request: CancelEventRequest): Promise<CancelOutcome>;
}

// ---------------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------------

export const CALENDAR_ERROR_CODES = [
  'CALENDAR.PERMISSION_DENIED',
  'CALENDAR.AUTHENTICATION_FAILED',
  'CALENDAR.MAILBOX_NOT_FOUND',
  'CALENDAR.EVENT_NOT_FOUND',
  'CALENDAR.UNAVAILABLE',
  'CALENDAR.REQUEST_REJECTED',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

export interface CalendarErrorDetails {
  /** HTTP status from Graph; -1 when no response arrived. */
  readonly status?: number;
  /** Graph's error code, e.g. ErrorAccessDenied. */
  readonly graphCode?: string;
  /** Graph's request-id, for a support ticket with Microsoft. */
  readonly requestId?: string;
  readonly cause?: unknown;
}

/** A calendar failure with a stable code for programs and a Dutch message for the handler. */
export class CalendarError extends Error {
  override readonly name: string = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly userMessage: string;
  readonly status?: number;
  readonly graphCode?: string;
  readonly requestId?: string;

  constructor(code: CalendarErrorCode, userMessage: string, details: CalendarErrorDetails = {}) {
    // The developer message carries codes only: Graph's own messages can contain mailbox addresses.
    super(`${code}${details.status === undefined ? '' : ` (HTTP ${details.status}${details.graphCode ? ` ${details.graphCode}` : ''})`}`, { cause: details.cause });
    this.code = code;
    this.userMessage = userMessage;
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
  }
}

/** The app may not use the mailbox (403): an administrator must grant or widen its permission. */
export class CalendarPermissionError extends CalendarError {
  override readonly name = 'CalendarPermissionError';
}

/** The app could not sign in to Microsoft Graph (wrong secret, tenant or app id). */
export class CalendarAuthenticationError extends CalendarError {
  override readonly name = 'CalendarAuthenticationError';
}

/** The mailbox (404 on the user) or the event (404 on the item) does not exist. */
export class CalendarNotFoundError extends CalendarError {
  override readonly name = 'CalendarNotFoundError';
  readonly what: 'mailbox' | 'event';

  constructor(what: 'mailbox' | 'event', userMessage: string, details: CalendarErrorDetails = {}) {
    super(what === 'mailbox' ? 'CALENDAR.MAILBOX_NOT_FOUND' : 'CALENDAR.EVENT_NOT_FOUND', userMessage, details);
    this.what = what;
  }
}

/** Graph stayed busy or unreachable (429, 5xx, network) after the allowed retries. */
export class CalendarUnavailableError extends CalendarError {
  override readonly name = 'CalendarUnavailableError';
  readonly attempts: number;
  /** What Graph last asked us to wait, when it said so. */
  readonly retryAfterSeconds?: number;

  constructor(userMessage: string, attempts: number, retryAfterSeconds: number | undefined, details: CalendarErrorDetails = {}) {
    super('CALENDAR.UNAVAILABLE', userMessage, details);
    this.attempts = attempts;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Graph refused the request itself (400 and other client errors); retrying the same request will not help. */
export class CalendarRequestError extends CalendarError {
  override readonly name = 'CalendarRequestError';
}

/** True for any failure a CalendarGateway reports. */
export function isCalendarError(error: unknown, code?: CalendarErrorCode): error is CalendarError {
  return error instanceof CalendarError && (code === undefined || error.code === code);
}
