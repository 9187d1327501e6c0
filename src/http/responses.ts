import type { ServerResponse } from 'node:http';

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

export function sendError(res: ServerResponse, status: NeutralStatus, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: NEUTRAL_ERRORS[status] }, headers);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = value === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    ...(body.length > 0 ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}
