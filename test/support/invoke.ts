import type { Person } from './bot-under-test';

let counter = 0;

/** Where a card lives: a channel post or a personal chat. */
export type CardLocation = { kind: 'channel'; teamId: string; channelId: string } | { kind: 'personal'; conversationId: string };

/** The body Teams gets back for an Action.Execute: a card (or a message) in the Universal Actions format. */
export interface InvokeAnswer {
  status: number;
  body: { statusCode: number; type: string; value: Record<string, unknown> };
}

/** Presses an Action.Execute button as Teams sends it: an invoke activity named adaptiveCard/action. */
export async function executeAction(
  baseUrl: string,
  serviceUrl: string,
  person: Person,
  verb: string,
  data: Record<string, unknown>,
  where: CardLocation,
): Promise<InvokeAnswer> {
  counter += 1;
  const conversation =
    where.kind === 'channel'
      ? { id: `${where.channelId};messageid=17000000000${counter}`, conversationType: 'channel', isGroup: true, tenantId: '00000000-0000-0000-0000-0000000000aa' }
      : { id: where.conversationId, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000aa' };
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `invoke-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: '28:weerbaar-bestuur-bot', name: 'Weerbaar Bestuur' },
    conversation,
    replyToId: `card-${counter}`,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    channelData:
      where.kind === 'channel'
        ? { channel: { id: where.channelId }, team: { id: where.teamId }, tenant: { id: '00000000-0000-0000-0000-0000000000aa' } }
        : { tenant: { id: '00000000-0000-0000-0000-0000000000aa' } },
  };
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
