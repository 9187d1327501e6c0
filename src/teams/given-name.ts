import { TeamsInfo, type TurnContext } from 'botbuilder';

/** How long a greeting waits for Teams' member lookup before it falls back to the display name. */
const LOOKUP_MS = 1500;

/**
 * The caller's given name as Teams (Entra ID) knows it, for "Hallo Sanne,": read from the
 * conversation's member (Bot Connector GET …/members/{id}). Undefined when Teams has none, the lookup
 * fails or takes too long; the caller then reads the first name from the display name. Never logged.
 */
export async function givenNameOf(context: TurnContext): Promise<string | undefined> {
  const id = context.activity.from?.id;
  if (!id) return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOOKUP_MS);
    });
    const member = await Promise.race([TeamsInfo.getMember(context, id), timeout]);
    const given = member?.givenName?.trim();
    return given ? given : undefined;
  } catch {
    return undefined; // a greeting without the roster is still a greeting
  } finally {
    clearTimeout(timer);
  }
}
