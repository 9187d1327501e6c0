import * as restify from 'restify';
import type { HealthProbe } from '../app/ports';
import type { Logger } from '../app/logger';
import { mountIcsRoute, type IcsFileSource } from './ics-route';

/** What the HTTP layer needs: something that processes a Bot Framework request, and a health probe. */
export interface HttpDependencies {
  processActivity(req: restify.Request, res: restify.Response): Promise<void>;
  health: HealthProbe;
  logger: Logger;
  /** .ics files of meetings planned while calendar integration is off (GET /ics/:token). */
  icsFiles?: IcsFileSource;
}

/** The restify server: POST /api/messages for the Bot Framework, GET /healthz for operators, GET /ics/:token for .ics files. */
export function createHttpServer(deps: HttpDependencies): restify.Server {
  const server = restify.createServer({ name: 'weerbaar-bestuur-bot' });
  // Bot Framework activities are small; a generous cap still refuses abuse before parsing.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await deps.processActivity(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    const storage = await deps.health.check();
    res.status(storage.ok ? 200 : 503);
    res.json({ status: storage.ok ? 'ok' : 'degraded', storage: storage.ok ? 'ok' : 'unavailable' });
  });

  if (deps.icsFiles) mountIcsRoute(server, deps.icsFiles, deps.logger);

  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    deps.logger.warn('http.error', { status: err.statusCode, detail: req.getRoute()?.path?.toString() });
    callback();
  });
  return server;
}

/** Starts listening; resolves with the actual port (PORT=0 picks a free one, as tests do). */
export function listen(server: restify.Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
