import type { Clock } from '../domain/clock';

/** The real wall clock, wired in at start-up. */
export const systemClock: Clock = { now: () => new Date() };
