import {
  CalendarAuthenticationError,
  CalendarError,
  CalendarNotFoundError,
  CalendarPermissionError,
  CalendarRequestError,
  CalendarUnavailableError,
} from '../app/calendar-ports';
import type { Logger } from '../app/logger';

/**
 * The one place where Microsoft Graph failures are sorted: 403/401 → ask the administrator,
 * 404 → mailbox or event gone, 429/5xx/network → retry honouring Retry-After, then give up clearly.
 */

export type CalendarOperation = 'getSchedule' | 'createEvent' | 'updateEvent' | 'cancelEvent';

/** Error names the token wrapper in graph-client.ts gives to credential failures (GraphError keeps only name and message). */
export const TOKEN_REJECTED = 'CalendarTokenRejected';
export const TOKEN_UNAVAILABLE = 'CalendarTokenUnavailable';

/** What we need to know about one failed Graph call. */
export interface GraphFailure {
  /** HTTP status; -1 when no response arrived (network failure or token failure). */
  readonly status: number;
  readonly graphCode?: string;
  readonly requestId?: string;
  /** Parsed Retry-After, in milliseconds. */
  readonly retryAfterMs?: number;
}

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag | undefined, name: string): string | undefined {
  if (headers === undefined || headers === null) {
    return undefined;
  }
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After as seconds ("120") or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.ceil(Number(text) * 1000);
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Reads a GraphError (or anything thrown by the Graph client) into a GraphFailure. */
export function readGraphFailure(error: unknown, now: Date): GraphFailure {
  if (typeof error !== 'object' || error === null) {
    return { status: -1 };
  }
  const e = error as { statusCode?: unknown; code?: unknown; requestId?: unknown; headers?: HeaderBag };
  const status = typeof e.statusCode === 'number' ? e.statusCode : -1;
  const graphCode = typeof e.code === 'string' && e.code !== '' ? e.code : undefined;
  const requestId = typeof e.requestId === 'string' && e.requestId !== '' ? e.requestId : header(e.headers, 'request-id');
  const retryAfterMs = parseRetryAfter(header(e.headers, 'retry-after'), now);
  return {
    status,
    ...(graphCode === undefined ? {} : { graphCode }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** Worth trying again: throttling, server trouble, or no answer at all (but not a refused token). */
export function isTransient(failure: GraphFailure): boolean {
  if (failure.graphCode === TOKEN_REJECTED) {
    return false;
  }
  return failure.status <= 0 || TRANSIENT_STATUSES.has(failure.status);
}

// ---------------------------------------------------------------------------------------------
// Dutch messages
// ---------------------------------------------------------------------------------------------

/** Shown on a 403: what the Microsoft 365 administrator has to set up (see the README section "Agenda-koppeling"). */
export const PERMISSION_DENIED_MESSAGE =
  'De bot heeft geen toegang tot de agenda van dit postvak (Microsoft Graph weigerde de toegang, 403). ' +
  'Vraag de Microsoft 365-beheerder de bot toegang te geven tot de agenda’s van de afhandelaars, en alleen daartoe: ' +
  'met RBAC voor applicaties in Exchange Online (rol "Application Calendars.ReadWrite", beperkt met een beheerbereik tot de groep afhandelaars), ' +
  'of met de applicatiemachtiging Calendars.ReadWrite voor Microsoft Graph (met beheerderstoestemming) plus een application access policy die de app tot die groep beperkt. ' +
  'Is de toegang al zo beperkt, laat dan dit postvak aan de groep afhandelaars toevoegen.';

export const AUTHENTICATION_FAILED_MESSAGE =
  'De bot kon zich niet aanmelden bij Microsoft 365 (Microsoft Graph). ' +
  'Vraag de beheerder de app-registratie van de bot te controleren: tenant-id, app-id en clientgeheim (is het geheim verlopen?).';

export const MAILBOX_NOT_FOUND_MESSAGE =
  'Het postvak van de afhandelaar is niet gevonden in Exchange Online. Controleer het e-mailadres en of de afhandelaar een Exchange Online-postvak heeft.';

export const EVENT_NOT_FOUND_MESSAGE =
  'De afspraak staat niet meer in de agenda van de afhandelaar (misschien verwijderd in Outlook). Plan het gesprek opnieuw in.';

const NOT_DONE: Readonly<Record<CalendarOperation, string>> = {
  getSchedule: 'De beschikbaarheid kon niet worden opgehaald.',
  createEvent: 'De afspraak is nog niet in de agenda gezet.',
  updateEvent: 'De afspraak in de agenda is nog niet gewijzigd.',
  cancelEvent: 'De afspraak in de agenda is nog niet geannuleerd.',
};

function dutchWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) {
    return `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
}

/** The Dutch text for Graph being busy or unreachable. */
export function unavailableMessage(operation: CalendarOperation, attempts: number, retryAfterMs: number | undefined): string {
  const advice =
    retryAfterMs === undefined
      ? 'Probeer het over enkele minuten opnieuw.'
      : `Microsoft vraagt het over ${dutchWait(retryAfterMs)} opnieuw te proberen.`;
  const tries = attempts === 1 ? 'na 1 poging' : `na ${attempts} pogingen`;
  return `${NOT_DONE[operation]} Microsoft 365 is tijdelijk overbelast of niet bereikbaar (${tries}). ${advice}`;
}

/** Turns a failure that will not be retried into the port's error. */
export function toCalendarError(failure: GraphFailure, operation: CalendarOperation, attempts: number, cause?: unknown): CalendarError {
  const details = { status: failure.status, graphCode: failure.graphCode, requestId: failure.requestId, cause };
  if (failure.graphCode === TOKEN_REJECTED || failure.status === 401) {
    return new CalendarAuthenticationError('CALENDAR.AUTHENTICATION_FAILED', AUTHENTICATION_FAILED_MESSAGE, details);
  }
  if (failure.status === 403) {
    return new CalendarPermissionError('CALENDAR.PERMISSION_DENIED', PERMISSION_DENIED_MESSAGE, details);
  }
  if (failure.status === 404) {
    // ErrorItemNotFound is Exchange's "no such item"; anything else on a /users/{mailbox} path is the mailbox.
    return failure.graphCode === 'ErrorItemNotFound' && operation !== 'getSchedule'
      ? new CalendarNotFoundError('event', EVENT_NOT_FOUND_MESSAGE, details)
      : new CalendarNotFoundError('mailbox', MAILBOX_NOT_FOUND_MESSAGE, details);
  }
  if (isTransient(failure)) {
    const seconds = failure.retryAfterMs === undefined ? undefined : Math.ceil(failure.retryAfterMs / 1000);
    return new CalendarUnavailableError(unavailableMessage(operation, attempts, failure.retryAfterMs), attempts, seconds, details);
  }
  return new CalendarRequestError(
    'CALENDAR.REQUEST_REJECTED',
    `${NOT_DONE[operation]} Microsoft 365 weigerde het verzoek${failure.graphCode ? ` (foutcode ${failure.graphCode})` : ''}. Controleer tijdstip, locatie en e-mailadressen.`,
    details,
  );
}

// ---------------------------------------------------------------------------------------------
// Retry
// ---------------------------------------------------------------------------------------------

export interface RetryOptions {
  /** Attempts in total, the first included. Default 4. */
  readonly maxAttempts?: number;
  /** The most we wait in total across retries; a Retry-After beyond it fails at once. Default 20 s. */
  readonly maxTotalWaitMs?: number;
  /** Back-off without Retry-After: base, 2×base, 4×base… Default 1 s. */
  readonly baseDelayMs?: number;
  /** Injected for tests; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; used for Retry-After dates. */
  readonly now?: () => Date;
  readonly logger?: Logger;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one Graph call, retrying transient failures. Callers must make `call` safe to repeat:
 * createEvent does so by looking up its transactionId first (see calendar.gateway.ts).
 */
export async function withGraphRetry<T>(operation: CalendarOperation, call: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxTotalWaitMs = options.maxTotalWaitMs ?? 20_000;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(attempt);
    } catch (error) {
      if (error instanceof CalendarError) {
        // Already explained (e.g. an unreadable response): not a Graph status to retry on.
        throw error;
      }
      const failure = readGraphFailure(error, now());
      if (!isTransient(failure) || attempt >= maxAttempts) {
        options.logger?.warn('graph.failed', { code: failure.graphCode ?? operation, status: failure.status, count: attempt });
        throw toCalendarError(failure, operation, attempt, error);
      }
      const delay = failure.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1);
      if (waited + delay > maxTotalWaitMs) {
        options.logger?.warn('graph.retry_budget_exceeded', { code: failure.graphCode ?? operation, status: failure.status, count: attempt, durationMs: delay });
        throw toCalendarError(failure, operation, attempt, error);
      }
      options.logger?.info('graph.retry', { code: failure.graphCode ?? operation, status: failure.status, count: attempt, durationMs: delay });
      await sleep(delay);
      waited += delay;
    }
  }
}
