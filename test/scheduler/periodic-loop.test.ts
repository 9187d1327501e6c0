import { PeriodicLoop } from '../../src/scheduler/periodic-loop';
import type { Timer } from '../../src/scheduler/reminder-sweeper';

/** A timer whose sleeps end when the test says so (or when aborted). */
function steppedTimer() {
  const waiting: { ms: number; wake: () => void }[] = [];
  const timer: Timer = {
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        waiting.push({ ms, wake: resolve });
        signal?.addEventListener('abort', () => resolve());
      }),
  };
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { timer, waiting, wakeNext: async () => { waiting.shift()?.wake(); await flush(); }, flush };
}

describe('PeriodicLoop (the background jobs: expired files, retention, routing repair)', () => {
  it('waits the interval before each tick and keeps going', async () => {
    const { timer, waiting, wakeNext, flush } = steppedTimer();
    let ticks = 0;
    const loop = new PeriodicLoop(timer, 60_000, async () => { ticks += 1; });
    loop.start();
    await flush();
    expect(ticks).toBe(0);
    expect(waiting[0]?.ms).toBe(60_000);
    await wakeNext();
    await wakeNext();
    expect(ticks).toBe(2);
    await loop.stop();
  });

  it('starts once however often start is called, and ticks no more after stop', async () => {
    const { timer, waiting, wakeNext, flush } = steppedTimer();
    let ticks = 0;
    const loop = new PeriodicLoop(timer, 1_000, async () => { ticks += 1; });
    loop.start();
    loop.start();
    await flush();
    expect(waiting).toHaveLength(1);
    await loop.stop();
    await wakeNext();
    expect(ticks).toBe(0);
  });

  it('lets a running tick finish before stop returns', async () => {
    const { timer, wakeNext, flush } = steppedTimer();
    let finishTick: () => void = () => undefined;
    let finished = false;
    const loop = new PeriodicLoop(timer, 1_000, () => new Promise<void>((resolve) => { finishTick = () => { finished = true; resolve(); }; }));
    loop.start();
    await flush();
    await wakeNext();
    const stopped = loop.stop();
    finishTick();
    await stopped;
    expect(finished).toBe(true);
  });
});
