/**
 * Preloaded into a bot process by `npm run bench -- --profile` (`node --require …/cpu-profile.js`):
 * the first SIGUSR2 starts the V8 CPU profiler, the second writes the profile to BENCH_CPU_PROFILE.
 * (`--cpu-prof` is refused in NODE_OPTIONS and would profile start-up too.)
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const target = process.env.BENCH_CPU_PROFILE;
if (target) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) console.error(`cpu profile: ${error.message}`);
      else writeFileSync(target, JSON.stringify(result.profile));
    });
  });
}
