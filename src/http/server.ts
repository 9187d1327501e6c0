import type { Server as NodeHttpServer } from 'node:http';
import type { HealthProbe } from '../app/ports';
import { errorFields, type Logger } from '../app/logger';
import { serveIcsFile, type IcsFileSource } from './ics-route';
import { serveDownload, type DownloadSource } from './download-route';
import type { ActivityHandler } from '../app/activity-port';
import { handleMessages } from './messages-route';
import { restify, type Request, type Response, type Server } from './restify';
import { NEUTRAL_FORMATTERS, neutralStatus, sendError, sendJson } from './responses';

/** What the HTTP layer needs: something that runs a checked activity through the bot, and a health probe. */
export interface HttpDependencies {
  handleActivity: ActivityHandler;
  health: HealthProbe;
  logger: Logger;
  /** Local mode: replies may go to http://localhost (the Playground). */
  localMode: boolean;
  /** .ics files of meetings planned while calendar integration is off (GET /ics/:token). */
  icsFiles?: IcsFileSource;
  /** Files offered to one person through a short-lived link (GET /download/:token). */
  downloads?: DownloadSource;
}

/** Slow or stalled clients are cut off well before they tie up the server (Teams itself gives up after 15 s). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 15_000;

/**
 * The restify server: POST /api/messages for the Bot Framework, GET /healthz for operators,
 * GET /ics/:token for .ics files, GET /download/:token for files offered in the 1:1 chat. No restify body plugin is used (bodyParser's gunzip ends the
 * process on a gzip header with a body that is not gzip: restify/node-restify#1975): the messages
 * route reads the raw request stream through our own guard (json-body.ts).
 */
export function createHttpServer(deps: HttpDependencies): Server {
  const server = createRestifyServer(deps.logger);
  server.post('/api/messages', async (req: Request, res: Response) => handleMessages(req, res, deps));
  server.get('/healthz', async (_req: Request, res: Response) => {
    const storage = await deps.health.check();
    sendJson(res, storage.ok ? 200 : 503, { status: storage.ok ? 'ok' : 'degraded', storage: storage.ok ? 'ok' : 'unavailable' });
  });
  const icsFiles = deps.icsFiles;
  if (icsFiles) {
    server.get('/ics/:token', async (req: Request, res: Response) => {
      const token = typeof req.params.token === 'string' ? req.params.token : '';
      // The router also matches `/ics/` (an empty token): that is no file link, just an unknown path.
      if (token === '') sendError(res, 404);
      else await serveIcsFile(res, token, icsFiles, deps.logger);
    });
  }
  const downloads = deps.downloads;
  if (downloads) {
    server.get('/download/:token', async (req: Request, res: Response) => {
      const token = typeof req.params.token === 'string' ? req.params.token : '';
      if (token === '') sendError(res, 404);
      else await serveDownload(res, token, downloads, deps.logger);
    });
  }
  return server;
}

/**
 * restify as the front door needs it, before any route: every answer restify would write itself
 * (unknown path 404, wrong method 405, a handler's error, its own 500s) carries one of our
 * neutral bodies instead of restify's, which quote the path or the error's message.
 */
export function createRestifyServer(logger: Logger): Server {
  const server = restify.createServer({
    // Empty: no `Server` header naming the framework.
    name: '',
    log: restifyLog(logger),
    formatters: NEUTRAL_FORMATTERS,
    // Off (restify's default, stated): it runs every request in a deprecated `domain`. A handler
    // that rejects is answered by the restifyError listener below; an exception nothing catches is
    // the process guards' to decide (src/app/process-guards.ts: log and exit for the supervisor).
    handleUncaughtExceptions: false,
  });
  server.pre(requestTargetGuard(logger));
  // Every error restify routes (NotFound, MethodNotAllowed, a rejected handler) ends here; once we
  // answered, restify sees the response as sent and writes nothing of its own.
  server.on('restifyError', (req: Request, res: Response, error: unknown, done: () => void) => {
    const status = neutralStatus((error as { statusCode?: unknown } | undefined)?.statusCode);
    if (status >= 500) logger.error('http.unhandled', errorFields(error));
    else logger.info('http.refused', { status, code: 'route' });
    req.resume();
    if (res.headersSent) res.destroy();
    // 405: restify has set `Allow` to the route's methods already.
    else sendError(res, status);
    done();
  });
  const http = server.server as NodeHttpServer;
  http.requestTimeout = REQUEST_TIMEOUT_MS;
  http.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}

/**
 * Before routing: the request target, resolved as a URL, becomes plain `path?query`, or the
 * request is answered 404. restify routes with Node's legacy `url.parse`, which throws on some
 * targets (`http://[::1/`, or a path `//a@[::1/`) outside any handler — an uncaught exception
 * that would end the process — and reads a path starting with `//` as a host.
 */
function requestTargetGuard(logger: Logger) {
  return (req: Request, res: Response, next: (proceed?: false) => void): void => {
    const target = originForm(req.url);
    if (target === undefined) {
      logger.info('http.refused', { status: 404, code: 'request_target' });
      req.resume();
      sendError(res, 404);
      next(false);
      return;
    }
    req.url = target;
    next();
  };
}

function originForm(target: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(target ?? '', 'http://bot.invalid');
  } catch {
    return undefined;
  }
  return url.pathname.startsWith('//') ? undefined : url.pathname + url.search;
}

/**
 * restify's logger (pino-shaped), into ours: its few warnings become one line with the event
 * name, never the request or error objects restify attaches (they carry headers and bodies).
 */
function restifyLog(logger: Logger): NonNullable<Parameters<typeof restify.createServer>[0]>['log'] {
  const quiet = (): boolean => false;
  const warn = (...args: unknown[]): boolean => {
    const message = args.find((arg): arg is string => typeof arg === 'string');
    logger.warn('http.restify_warning', message ? { detail: message.slice(0, 120) } : {});
    return true;
  };
  const log = { trace: quiet, debug: quiet, info: quiet, warn, error: warn, fatal: warn, child: () => log };
  return log as unknown as NonNullable<Parameters<typeof restify.createServer>[0]>['log'];
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
    (server.server as NodeHttpServer).closeIdleConnections();
  });
}
