import { loadConfig } from '../config/env';
import { startBot, stopOnSignals } from '../main';
import { startPlayground, waitForPlayground } from '../local/playground';

/**
 * `npm start`: the bot on its embedded defaults (Azurite in .data/azurite, the sample directory)
 * and, in local mode, the Microsoft 365 Agents Playground to talk to it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const bot = await startBot(config);
  if (!config.localMode) {
    console.info(`De bot luistert op poort ${bot.port} (met Bot Framework-authenticatie; de Playground start alleen lokaal).`);
    stopOnSignals(bot);
    return;
  }
  const playground = startPlayground({ botPort: bot.port, port: config.PLAYGROUND_PORT });
  playground.process.on('exit', (code) => {
    if (code) console.error(`De Playground is gestopt (code ${code}); zie devTools/m365agentsplayground.log.`);
  });
  stopOnSignals(bot, playground.stop);
  await waitForPlayground(playground.url, 60000);
  console.info(
    [
      '',
      'Weerbaar Bestuur-bot draait lokaal.',
      `  Open ${playground.url} in je browser en typ "help" of "meld incident".`,
      `  Bot: http://127.0.0.1:${bot.port}/api/messages   Gezondheid: http://127.0.0.1:${bot.port}/healthz`,
      '  Opslag: Azurite (.data/azurite). Stoppen: Ctrl+C.',
      '',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
