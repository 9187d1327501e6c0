/**
 * The floor of the stack for `npm run bench`: a bare botbuilder CloudAdapter bot on restify, from
 * the project's own node_modules, with no storage and no logic. It echoes messages and answers an
 * adaptiveCard/action invoke with a one-line card. Whatever the real bot costs above this is ours.
 *
 * A benchmark reference, not part of the product: that is why botbuilder is imported outside
 * src/teams here. Run as its own process: `PORT=0 node dist/src/tools/bench/floor-bot.js` prints
 * `listening <port>`.
 */
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type TurnContext,
} from 'botbuilder';
import * as restify from 'restify';

const ONE_LINE_CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'OK', wrap: true }] };

async function onTurn(context: TurnContext): Promise<void> {
  if (context.activity.type === ActivityTypes.Message) {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  } else if (context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action') {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: StatusCodes.OK, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: ONE_LINE_CARD } },
    });
  }
}

async function main(): Promise<void> {
  // No app id: unauthenticated, as the real bot in local mode.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({})));
  const server = restify.createServer({ name: 'floor-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, onTurn);
  });
  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    console.info(`listening ${typeof address === 'object' && address ? address.port : ''}`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
