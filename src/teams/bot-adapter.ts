import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppConfig } from '../config/env';
import type { Logger } from '../app/logger';

/**
 * The Bot Framework adapter. In local mode (no MicrosoftAppId) it accepts unauthenticated
 * requests, as the Bot Framework allows for local development; otherwise every request must carry
 * a valid Bot Framework token and replies are sent with the app's credentials.
 */
export function createBotAdapter(config: AppConfig, logger: Logger): TeamsAdapter {
  const auth = config.localMode
    ? {}
    : {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      };
  const adapter = new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error text may quote user input, so only its type goes to the log.
    logger.error('turn.failed', { code: error.name, detail: context.activity.type });
    // Only a person waiting for an answer gets an apology; proactive turns report to their caller.
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity('Er ging iets mis bij het verwerken van je bericht. Er is niets verloren gegaan; probeer het over een moment opnieuw.');
    } catch {
      logger.error('turn.apology_failed');
    }
  };
  return adapter;
}
