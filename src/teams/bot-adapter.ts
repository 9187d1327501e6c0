import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppConfig } from '../config/env';
import { errorFields, type Logger } from '../app/logger';

/**
 * The Bot Framework adapter. In local mode it accepts unauthenticated requests, as the Bot
 * Framework allows for local development; otherwise every request must carry a valid Bot
 * Framework token (checked first in src/teams/activity-handler.ts) and replies are sent with the
 * app's credentials.
 */
export class BotAdapter extends TeamsAdapter {
  /**
   * Runs one already-parsed activity and returns the invoke response, if any. CloudAdapter's own
   * `process(req, res)` is not used: it answers malformed input with HTTP 500 and writes error
   * objects (which can quote requests) to the console.
   */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createBotAdapter(config: AppConfig, logger: Logger): BotAdapter {
  const auth = config.localMode
    ? {}
    : {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      };
  const adapter = new BotAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error text may quote user input, so only its name and stack frames go to the log.
    logger.error('turn.failed', { correlationId: context.activity.id, detail: context.activity.type, ...errorFields(error) });
    // Only a person waiting for an answer gets an apology; proactive turns report to their caller.
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity('Er ging iets mis bij het verwerken van je bericht. Er is niets verloren gegaan; probeer het over een moment opnieuw.');
    } catch (apologyError) {
      logger.error('turn.apology_failed', { correlationId: context.activity.id, ...errorFields(apologyError) });
    }
  };
  return adapter;
}
