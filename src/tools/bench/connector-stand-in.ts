import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity a bot sent through the Bot Connector. */
export interface SentActivity {
  conversationId: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Connector service that both benchmarked bots reply to, answering as
 * the service documents: POST /v3/conversations → 201 { id }, anything else → 200 { id }. It keeps
 * the last card per conversation only, so a long run does not grow its memory.
 */
export class BenchConnector {
  private server: Server | undefined;
  private counter = 0;
  private readonly lastCardByConversation = new Map<string, Record<string, unknown>>();
  /** Base URL for the activities' serviceUrl. */
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.counter += 1;
        const path = decodeURIComponent(req.url ?? '');
        const sent = req.method === 'POST' ? /^\/v3\/conversations\/([^/]+)\/activities/.exec(path) : null;
        if (sent && chunks.length > 0) this.remember(sent[1], JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        const create = req.method === 'POST' && /^\/v3\/conversations\/?$/.test(path);
        res.writeHead(create ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(create ? { id: `conversation-${this.counter}`, activityId: `activity-${this.counter}` } : { id: `activity-${this.counter}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** The last Adaptive Card a bot sent into a conversation. */
  lastCard(conversationId: string): Record<string, unknown> | undefined {
    return this.lastCardByConversation.get(conversationId);
  }

  private remember(conversationId: string, activity: Record<string, unknown>): void {
    const attachments = (activity.attachments ?? []) as { contentType?: string; content?: Record<string, unknown> }[];
    const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    if (card) this.lastCardByConversation.set(conversationId, card);
  }

  /** How many requests the bots made so far. */
  requests(): number {
    return this.counter;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
