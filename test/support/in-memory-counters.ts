/** Applies counter deltas to plain maps: the figures' source without storage (domain tests, the storage test's oracle). */
import { registrationDelta, type Counters } from '../../src/domain/registration/counters';
import type { DueBucket, FigureSource } from '../../src/domain/registration/figures';
import type { RegistrationRow } from '../../src/domain/registration/registration-row';

export class InMemoryCounters {
  readonly months = new Map<string, Record<string, number>>();
  readonly due = new Map<string, Record<string, number>>();

  /** Moves one case from `before` to `after`. */
  record(before: RegistrationRow | undefined, after: RegistrationRow | undefined): void {
    const delta = registrationDelta(before, after);
    for (const [month, counters] of delta.months) this.months.set(month, addInto(this.months.get(month), counters));
    for (const [key, counters] of delta.due) {
      // An emptied due bucket is gone, as in storage.
      const next = addInto(this.due.get(key), counters);
      if (Object.keys(next).length === 0) this.due.delete(key);
      else this.due.set(key, next);
    }
  }

  dueBuckets(): DueBucket[] {
    return [...this.due].map(([key, counters]) => ({ month: key.split('|')[0], day: key.split('|')[1], counters }));
  }

  source(): FigureSource {
    return { months: this.months, due: this.dueBuckets() };
  }
}

function addInto(target: Record<string, number> | undefined, delta: Counters): Record<string, number> {
  const next = { ...(target ?? {}) };
  for (const [name, value] of Object.entries(delta)) {
    next[name] = (next[name] ?? 0) + value;
    if (next[name] === 0) delete next[name];
  }
  return next;
}
