import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';

/** One request the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** What the stand-in answered (e.g. the id of a created conversation). */
  response?: { id: string; activityId?: string };
}

/**
 * A local stand-in for the Bot Connector service (the REST API bots reply through), answering as
 * the service documents: POST .../activities → 200 { id }, POST /v3/conversations → 201 { id }.
 */
export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  private server: Server | undefined;
  private waiters: { predicate: (call: ConnectorCall) => boolean; resolve: (call: ConnectorCall) => void }[] = [];
  private counter = 0;
  private failures: { predicate: (call: ConnectorCall) => boolean; status: number }[] = [];

  /** The next call that matches gets this HTTP status instead of success (once). */
  failNext(predicate: (call: ConnectorCall) => boolean, status: number): void {
    this.failures.push({ predicate, status });
  }

  private members = new Map<string, Record<string, unknown>>();

  /** GET …/members/{userId} answers with this member (as Teams: id, name, givenName, …); unknown ones get 404. */
  setMember(userId: string, member: Record<string, unknown>): void {
    this.members.set(userId, { id: userId, ...member });
  }

  /** Base URL to use as the activity's serviceUrl. */
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const call: ConnectorCall = {
          method: req.method ?? '',
          path: decodeURIComponent(req.url ?? ''),
          headers: req.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
        this.calls.push(call);
        this.counter += 1;
        const failure = this.failures.find((f) => f.predicate(call));
        if (failure) {
          this.failures = this.failures.filter((f) => f !== failure);
          call.response = undefined;
          res.writeHead(failure.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'stand-in failure' } }));
          return;
        }
        const memberId = call.method === 'GET' ? /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(call.path)?.[1] : undefined;
        if (memberId !== undefined) {
          const member = this.members.get(memberId);
          res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(member ?? { error: { code: 'MemberNotFoundInConversation', message: 'member not found' } }));
          return;
        }
        const isCreateConversation = call.method === 'POST' && /^\/v3\/conversations\/?$/.test(call.path);
        res.writeHead(isCreateConversation ? 201 : 200, { 'content-type': 'application/json' });
        call.response = isCreateConversation ? { id: `conversation-${this.counter}`, activityId: `activity-${this.counter}` } : { id: `activity-${this.counter}` };
        res.end(JSON.stringify(call.response));
        this.waiters = this.waiters.filter((w) => (w.predicate(call) ? (w.resolve(call), false) : true));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** Activities the bot sent (replies and proactive messages), in order. */
  sentActivities(): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === 'POST' && /\/activities/.test(c.path)).map((c) => c.body);
  }

  /** Resolves with the first call (already made or future) that matches. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 10000): Promise<ConnectorCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The bot sent nothing matching to the Bot Connector stand-in.')), timeoutMs);
      this.waiters.push({ predicate, resolve: (call) => (clearTimeout(timer), resolve(call)) });
    });
  }

  reset(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    // The bot keeps connections alive; close them so the server can stop at once.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
