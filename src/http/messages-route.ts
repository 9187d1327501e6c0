import { errorFields, type Logger } from '../app/logger';
import type { ActivityHandler, ActivityOutcome } from '../app/activity-port';
import { checkActivity } from './activity-shape';
import { readJsonBody } from './json-body';
import type { Request, Response } from './restify';
import { sendError, sendJson, type NeutralStatus } from './responses';

export interface MessagesRouteDependencies {
  handleActivity: ActivityHandler;
  /** Local mode lets replies go to http://localhost (the Playground); otherwise https only. */
  localMode: boolean;
  logger: Logger;
}

/** POST /api/messages: body guard, activity check, then the bot. Never throws. */
export async function handleMessages(req: Request, res: Response, deps: MessagesRouteDependencies): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    deps.logger.info('http.refused', { status: body.status, code: body.reason });
    refuseBody(req, res, body.status);
    return;
  }
  const checked = checkActivity(body.value, { localMode: deps.localMode });
  if (!checked.ok) {
    deps.logger.info('http.refused', { status: 400, code: 'invalid_activity', detail: checked.field });
    sendError(res, 400);
    return;
  }
  const correlationId = checked.activity.id;
  let outcome: ActivityOutcome;
  try {
    outcome = await deps.handleActivity({ activity: checked.activity, authorization: req.headers.authorization });
  } catch (error) {
    // The handler classifies its own errors; reaching this is a defect, still answered neutrally.
    deps.logger.error('activity.unhandled', { correlationId, ...errorFields(error) });
    outcome = { status: 500 };
  }
  if (outcome.body !== undefined && outcome.status < 400) {
    sendJson(res, outcome.status, outcome.body);
  } else if (outcome.status >= 400) {
    sendError(res, neutral(outcome.status), outcome.retryAfterSeconds ? { 'Retry-After': String(outcome.retryAfterSeconds) } : {});
  } else {
    sendJson(res, outcome.status, undefined);
  }
}

/**
 * Answers a refused body and closes the connection: the rest of an oversized or unreadable body
 * is discarded rather than read, so the client still gets its answer.
 */
function refuseBody(req: Request, res: Response, status: NeutralStatus): void {
  sendError(res, status, { Connection: 'close' });
  req.resume();
}

function neutral(status: number): NeutralStatus {
  if (status === 401 || status === 404 || status === 413 || status === 415 || status === 503) return status;
  return status >= 500 ? 500 : 400;
}
