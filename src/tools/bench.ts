import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/load-directory';
import { runReminderSweepBench } from './bench/reminder-sweep';
import { runTurnBench } from './bench/turn-bench';

/**
 * `npm run bench`: the reminder sweep on Azurite, then chat turns and card actions of the real bot
 * against a floor bot. Options (after `--`):
 *   --turns-only / --sweep-only   run one part
 *   --quick                       a quarter of the samples (a smoke run; figures are rough)
 *   --profile                     also profile the bot during the card actions: a CPU profile
 *                                 (.data/bench-bot.cpuprofile) and a trace of its outgoing requests
 *                                 (.data/bench-requests.json), summarised after the figures
 */
async function main(args: readonly string[]): Promise<void> {
  const data = join(REPO_ROOT, '.data');
  const probe = args.includes('--profile') ? { cpuProfile: join(data, 'bench-bot.cpuprofile'), requestTrace: join(data, 'bench-requests.json') } : undefined;
  if (probe) mkdirSync(data, { recursive: true });
  if (!args.includes('--turns-only')) console.info(`${await runReminderSweepBench()}\n`);
  if (!args.includes('--sweep-only')) {
    console.info(await runTurnBench({ quick: args.includes('--quick'), ...(probe ? { probe } : {}) }));
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
