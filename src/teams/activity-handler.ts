import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { ActivityHandler, ActivityRequest } from '../app/activity-port';
import { errorFields, type Logger } from '../app/logger';
import { checkChannelToken, type ChannelTokenExpectations } from './auth/channel-token';
import { SigningKeysUnavailableError } from './auth/signing-keys';
import type { BotAdapter } from './bot-adapter';

export interface ActivityHandlerDependencies {
  adapter: BotAdapter;
  app: Application<TurnState>;
  /** Authenticated mode: the bot's app id and the Bot Framework signing keys. Absent in local mode. */
  auth?: ChannelTokenExpectations;
  logger: Logger;
}

/**
 * Authenticates a checked activity and runs it through the Teams app. Every outcome is a status:
 * a token problem 401, signing keys unreachable 503 (with Retry-After), an invoke nobody handles
 * 400, our own failure 500 — logged once with the activity id, never with the error's message.
 */
export function createActivityHandler(deps: ActivityHandlerDependencies): ActivityHandler {
  const { adapter, app, auth, logger } = deps;
  return async ({ activity, authorization }: ActivityRequest) => {
    const correlationId = activity.id;
    if (auth) {
      const token = await checkChannelToken(authorization, activity, auth);
      if (!token.ok) {
        if (token.status === 503) {
          logger.warn('http.refused', { status: 503, code: token.reason, correlationId });
          return { status: 503, retryAfterSeconds: token.retryAfterSeconds };
        }
        logger.info('http.refused', { status: 401, code: token.reason, correlationId });
        return { status: 401 };
      }
    }
    try {
      const result = await adapter.runActivity(auth ? (authorization ?? '') : '', withDates(activity), (context) => app.run(context).then(() => undefined));
      if (!result) return { status: 200 };
      // The SDK answers an invoke that no route handled with 501; for the caller it is a request we do not support.
      if (result.status === 501 && activity.type === 'invoke') {
        logger.info('http.refused', { status: 400, code: 'unhandled_invoke', correlationId });
        return { status: 400 };
      }
      return { status: result.status, body: result.body };
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) return { status: 503, retryAfterSeconds: error.retryAfterSeconds };
      if (error instanceof AuthenticationError) {
        // Our own check passed, the SDK's did not (e.g. an app id it does not accept): still the token's fault.
        logger.warn('http.refused', { status: 401, code: 'sdk_authentication', correlationId });
        return { status: 401 };
      }
      logger.error('activity.failed', { correlationId, detail: activity.type, ...errorFields(error) });
      return { status: 500 };
    }
  };
}

/**
 * What CloudAdapter.process does to a parsed body before processing (botbuilder's
 * validateAndFixActivity, which is not exported): ISO date strings become Dates, raw text kept.
 */
function withDates(activity: ActivityRequest['activity']): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed as unknown as Activity;
}
