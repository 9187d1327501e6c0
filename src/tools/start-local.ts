import { relative } from 'node:path';
import { loadConfig } from '../config/env';
import { createLogger } from '../app/logger';
import { installProcessGuards } from '../app/process-guards';
import { startBot, stopOnSignals, type StorageDescription } from '../main';
import { startPlayground, waitForPlayground } from '../local/playground';
import { asArgument, playgroundConfigFor } from '../local/playground-user';

/**
 * `npm start`: the bot in local mode (LOCAL_MODE=true: no Bot Framework auth, 127.0.0.1 only) on
 * its embedded defaults — Azurite in its own process on .data/azurite, the sample directory — and
 * the Microsoft 365 Agents Playground to talk to it. `npm start -- --as peter` signs another person
 * of the sample directory in to the Playground (the handler, to try the desk's side).
 */
async function main(): Promise<void> {
  // Read first: an unknown name stops here, before anything starts.
  const tenant = playgroundConfigFor(asArgument(process.argv.slice(2)));
  const config = loadConfig({ ...process.env, LOCAL_MODE: 'true' });
  const logger = createLogger(config.logFormat);
  installProcessGuards(logger);
  const bot = await startBot(config, { logger });
  const playground = startPlayground({ botPort: bot.port, port: config.PLAYGROUND_PORT, configPath: tenant.configPath });
  playground.process.on('exit', (code) => {
    if (code) console.error(`De Playground is gestopt (code ${code}); zie devTools/m365agentsplayground.log.`);
  });
  stopOnSignals(bot, logger, playground.stop);
  await waitForPlayground(playground.url, 60000);
  // The Playground forgot every chat when it stopped: the desk channel gets the open cases' cards again.
  const reposted = await bot.repostOpenCaseCards();
  console.info(
    [
      '',
      'Weerbaar Bestuur-bot draait lokaal (LOCAL_MODE: zonder Bot Framework-authenticatie, alleen op 127.0.0.1).',
      `  Open ${playground.url} in je browser. Je bent ${tenant.currentUser.name}; typ "help" of "meld incident".`,
      `  Open zaken opnieuw in hun kanaal geplaatst: ${reposted}. Als iemand anders: npm start -- --as peter (of sanne, marieke, lotte, ahmed, johan).`,
      `  Bot: http://127.0.0.1:${bot.port}/api/messages   Gezondheid: http://127.0.0.1:${bot.port}/healthz`,
      `  Opslag: ${describeStorage(bot.storage)}`,
      '  Stoppen: Ctrl+C.',
      '',
    ].join('\n'),
  );
}

function describeStorage(storage: StorageDescription): string {
  return storage.kind === 'embedded-azurite'
    ? `Azurite in een eigen proces, gegevens in ${relative(process.cwd(), storage.location) || '.'}`
    : `STORAGE_CONNECTION_STRING (${storage.endpoint})`;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
