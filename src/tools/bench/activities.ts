/** Teams activities as Teams sends them, for the benchmark's client (the same shapes the HTTP tests use). */

const TENANT_ID = '00000000-0000-0000-0000-0000000000aa';
const BOT = { id: '28:weerbaar-bestuur-bot', name: 'Weerbaar Bestuur' };

/** Someone talking to the bot. */
export interface BenchPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

/** A Teams channel (where the desk's case cards live). */
export interface BenchChannel {
  teamId: string;
  channelId: string;
}

let counter = 0;

/** The personal conversation id of a person, as the activities below name it. */
export function personalConversationId(person: BenchPerson): string {
  return `a:personal-${person.id}`;
}

/** A 1:1 chat message: typed text, or an Action.Submit's `value`. */
export function personalMessage(person: BenchPerson, serviceUrl: string, content: { text: string } | { value: Record<string, unknown> }): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: `bench-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: TENANT_ID },
    recipient: BOT,
    ...('text' in content ? { text: content.text, textFormat: 'plain' } : { value: content.value }),
    locale: 'nl-NL',
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/**
 * An Action.Execute pressed on a card in a channel: an adaptiveCard/action invoke. Teams names the
 * conversation after the channel and the post the card is in (`;messageid=`), the same for every
 * action on that card.
 */
export function channelCardAction(
  person: BenchPerson,
  serviceUrl: string,
  channel: BenchChannel,
  cardMessageId: string,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  counter += 1;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { id: `${channel.channelId};messageid=${cardMessageId}`, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    replyToId: cardMessageId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    channelData: { channel: { id: channel.channelId }, team: { id: channel.teamId }, tenant: { id: TENANT_ID } },
  };
}

/** Posts an activity to a bot; resolves with the HTTP status and the parsed body (invoke answers). */
export async function post(baseUrl: string, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
