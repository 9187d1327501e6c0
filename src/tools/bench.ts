import { join } from 'node:path';
import { REPO_ROOT } from '../config/load-directory';
import { runFiguresBench } from './bench/figures-bench';
import { runReminderSweepBench } from './bench/reminder-sweep';
import { runTurnBench } from './bench/turn-bench';

/**
 * `npm run bench`: the reminder sweep on Azurite, then chat turns and card actions of the real bot
 * against a floor bot. Options (after `--`):
 *   --turns-only / --sweep-only / --figures-only   run one part
 *   --quick                       a quarter of the samples (a smoke run; figures are rough)
 *   --profile                     also profile the bot during the intake turns and the card
 *                                 actions: CPU profiles and traces of its outgoing requests in
 *                                 .data/bench-probe/, summarised after the figures (times inflated)
 */
async function main(args: readonly string[]): Promise<void> {
  const probeDirectory = args.includes('--profile') ? join(REPO_ROOT, '.data', 'bench-probe') : undefined;
  const only = ['--turns-only', '--sweep-only', '--figures-only'].find((flag) => args.includes(flag));
  if (only === undefined || only === '--sweep-only') console.info(`${await runReminderSweepBench()}\n`);
  if (only === undefined || only === '--figures-only') console.info(`${(await runFiguresBench()).join('\n')}\n`);
  if (only === undefined || only === '--turns-only') {
    console.info(await runTurnBench({ quick: args.includes('--quick'), ...(probeDirectory ? { probeDirectory } : {}) }));
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
