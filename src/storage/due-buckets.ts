/**
 * Due-time buckets: partition keys `due-yyyyMMddHHmm` (UTC) that sort in time order, so "everything
 * due by now" is one PartitionKey range and rows due later are never read. Used by the reminder rows
 * and the outbox's due marks.
 */

export const DUE_PREFIX = 'due-';
const MINUTE_MS = 60_000;

/** The due-time bucket (partition key) of an instant, e.g. `due-202611301405` for 14:05 UTC. */
export function dueBucket(at: Date, bucketMinutes = 1): string {
  const ms = Math.floor(at.getTime() / (bucketMinutes * MINUTE_MS)) * bucketMinutes * MINUTE_MS;
  const iso = new Date(ms).toISOString(); // yyyy-MM-ddTHH:mm:…Z
  return `${DUE_PREFIX}${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** The first instant of a bucket. */
export function bucketStart(partitionKey: string): Date {
  const digits = partitionKey.slice(DUE_PREFIX.length);
  const [y, mo, d, h, mi] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8, 10), digits.slice(10, 12)];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:00Z`);
}
