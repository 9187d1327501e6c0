import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../config/load-directory';
import { summariseCpuProfile } from './bench/profile-summary';
import { runReminderSweepBench } from './bench/reminder-sweep';
import { runTurnBench } from './bench/turn-bench';

/**
 * `npm run bench`: the reminder sweep on Azurite, then chat turns and card actions of the real bot
 * against a floor bot. Options (after `--`):
 *   --turns-only / --sweep-only   run one part
 *   --quick                       a quarter of the samples (a smoke run; figures are rough)
 *   --profile                     also write a CPU profile of the bot during the card actions to
 *                                 .data/bench-bot.cpuprofile and print its heaviest functions
 */
async function main(args: readonly string[]): Promise<void> {
  const profileFile = args.includes('--profile') ? join(REPO_ROOT, '.data', 'bench-bot.cpuprofile') : undefined;
  if (profileFile) mkdirSync(dirname(profileFile), { recursive: true });
  if (!args.includes('--turns-only')) console.info(`${await runReminderSweepBench()}\n`);
  if (!args.includes('--sweep-only')) {
    console.info(await runTurnBench({ quick: args.includes('--quick'), ...(profileFile ? { profileFile } : {}) }));
    if (profileFile) console.info(`\nCPU profile of the bot during the card actions: ${profileFile}\n${summariseCpuProfile(profileFile)}`);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
