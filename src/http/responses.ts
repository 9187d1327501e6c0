import type { Formatters, Response } from './restify';

/**
 * The only error bodies the server sends: short, fixed, and free of anything internal (no
 * exception text, no URLs, no SDK names). A caller learns the status and a code, nothing more.
 */
export const NEUTRAL_ERRORS = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  500: 'internal_error',
  503: 'unavailable',
} as const;

export type NeutralStatus = keyof typeof NEUTRAL_ERRORS;

/** Every body `sendError` can produce, for tests that check nothing else leaks. */
export const NEUTRAL_ERROR_BODIES: readonly string[] = Object.values(NEUTRAL_ERRORS).map((error) => JSON.stringify({ error }));

/** The neutral status for any status an error carries: known ones as they are, other 4xx as 400, the rest 500. */
export function neutralStatus(status: unknown): NeutralStatus {
  if (typeof status === 'number' && status in NEUTRAL_ERRORS) return status as NeutralStatus;
  return typeof status === 'number' && status >= 400 && status < 500 ? 400 : 500;
}

export function sendError(res: Response, status: NeutralStatus, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: NEUTRAL_ERRORS[status] }, headers);
}

/**
 * Sends our own bytes through restify's `sendRaw`, which skips its formatters and marks the
 * response as sent, so restify never adds an error body of its own afterwards.
 */
export function sendJson(res: Response, status: number, value: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = value === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(value), 'utf8');
  res.sendRaw(status, body, {
    ...(body.length > 0 ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
}

/**
 * restify's formatters, replaced for every content type: our routes never use them, but restify
 * formats the errors it sends by itself (e.g. "reached the end of the handler chain without
 * writing a response", with the error's message). Whatever error it sends, the body is the
 * neutral one for the status; anything else is plain JSON.
 */
export const NEUTRAL_FORMATTERS: Formatters = Object.fromEntries(
  ['application/json', 'text/plain', 'application/octet-stream', 'application/javascript'].map((type) => [
    type,
    (_req, res: Response, value: unknown) => {
      const failed = value instanceof Error || res.statusCode >= 400;
      const status = neutralStatus(res.statusCode);
      const body = failed ? JSON.stringify({ error: NEUTRAL_ERRORS[status] }) : JSON.stringify(value ?? null);
      if (failed) res.statusCode = status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(body));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      return body;
    },
  ]),
);
