import type { Timer } from './reminder-sweeper';

/**
 * Runs `tick` every `intervalMs` until stopped: the loop the background jobs share. The tick
 * catches its own errors (each job logs them by its own event name); stop waits for a running tick.
 */
export class PeriodicLoop {
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly timer: Timer,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<unknown>,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = (async () => {
      while (!this.abort.signal.aborted) {
        await this.timer.sleep(this.intervalMs, this.abort.signal);
        if (!this.abort.signal.aborted) await this.tick();
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }
}
