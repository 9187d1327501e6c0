import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HealthProbe } from '../app/ports';
import { errorFields, type Logger } from '../app/logger';
import { serveIcsFile, type IcsFileSource } from './ics-route';
import type { ActivityHandler } from '../app/activity-port';
import { handleMessages } from './messages-route';
import { sendError, sendJson } from './responses';

/** What the HTTP layer needs: something that runs a checked activity through the bot, and a health probe. */
export interface HttpDependencies {
  handleActivity: ActivityHandler;
  health: HealthProbe;
  logger: Logger;
  /** Local mode: replies may go to http://localhost (the Playground). */
  localMode: boolean;
  /** .ics files of meetings planned while calendar integration is off (GET /ics/:token). */
  icsFiles?: IcsFileSource;
}

/** Slow or stalled clients are cut off well before they tie up the server (Teams itself gives up after 15 s). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 15_000;

const ICS_PATH = /^\/ics\/([^/]+)$/;

/**
 * The HTTP server: POST /api/messages for the Bot Framework, GET /healthz for operators,
 * GET /ics/:token for .ics files. Plain node:http: three routes need no framework, and every byte
 * of a request body passes through our own guard (src/http/json-body.ts) before anything parses it.
 */
export function createHttpServer(deps: HttpDependencies): Server {
  const server = createServer((req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      deps.logger.error('http.unhandled', errorFields(error));
      if (res.headersSent) res.destroy();
      else sendError(res, 500, { Connection: 'close' });
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDependencies): Promise<void> {
  const path = pathOf(req.url);
  if (path === '/api/messages') {
    if (req.method !== 'POST') return notAllowed(req, res, 'POST');
    return handleMessages(req, res, deps);
  }
  if (path === '/healthz') {
    if (req.method !== 'GET') return notAllowed(req, res, 'GET');
    const storage = await deps.health.check();
    return sendJson(res, storage.ok ? 200 : 503, { status: storage.ok ? 'ok' : 'degraded', storage: storage.ok ? 'ok' : 'unavailable' });
  }
  const ics = deps.icsFiles && path ? ICS_PATH.exec(path) : null;
  if (ics && deps.icsFiles) {
    if (req.method !== 'GET') return notAllowed(req, res, 'GET');
    return serveIcsFile(res, ics[1], deps.icsFiles, deps.logger);
  }
  req.resume();
  sendError(res, 404);
}

function notAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
  req.resume();
  sendError(res, 405, { Allow: allow });
}

/** The path of the request target, or undefined when it is not a URL at all. */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '', 'http://bot.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** Starts listening; resolves with the actual port (PORT=0 picks a free one, as tests do). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting, ends idle keep-alive connections and resolves when the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
