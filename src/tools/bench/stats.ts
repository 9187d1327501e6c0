/** Percentiles and the printed table of `npm run bench`. */

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Latencies of one kind of request, for the floor bot and the real bot, measured in one run. */
export interface LatencySeries {
  what: string;
  floor: number[];
  bot: number[];
  /** Goals as the most the bot may take relative to the floor, per percentile. */
  goals: { p50?: number; p95?: number };
}

/** Bursts of concurrent requests: wall time of each burst. */
export interface BurstSeries {
  what: string;
  size: number;
  floor: number[];
  bot: number[];
  /** The least throughput the bot must reach relative to the floor. */
  goal: number;
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (value: number): string => `${value.toFixed(1)}×`;

/** One row per series: floor and bot p50/p95, ratios, goal and whether it was met. */
export function formatTable(latencies: readonly LatencySeries[], bursts: readonly BurstSeries[]): string {
  const rows: string[][] = [['What', 'n', 'floor p50', 'floor p95', 'bot p50', 'bot p95', 'ratio p50', 'ratio p95', 'goal', 'met']];
  for (const s of latencies) {
    const f50 = percentile(s.floor, 50);
    const f95 = percentile(s.floor, 95);
    const b50 = percentile(s.bot, 50);
    const b95 = percentile(s.bot, 95);
    const goal = [s.goals.p50 !== undefined ? `p50 ≤ ${s.goals.p50}×` : '', s.goals.p95 !== undefined ? `p95 ≤ ${s.goals.p95}×` : ''].filter(Boolean).join(', ');
    const met = (s.goals.p50 === undefined || b50 / f50 <= s.goals.p50) && (s.goals.p95 === undefined || b95 / f95 <= s.goals.p95);
    rows.push([s.what, String(s.bot.length), `${ms(f50)} ms`, `${ms(f95)} ms`, `${ms(b50)} ms`, `${ms(b95)} ms`, ratio(b50 / f50), ratio(b95 / f95), goal, met ? 'yes' : 'no']);
  }
  const notes: string[] = [];
  for (const s of bursts) {
    const f50 = percentile(s.floor, 50);
    const b50 = percentile(s.bot, 50);
    // Throughput per burst is size / wall time, so its ratio is the inverse of the time ratio.
    const share = f50 / b50;
    rows.push([s.what, String(s.bot.length), `${ms(f50)} ms`, `${ms(percentile(s.floor, 95))} ms`, `${ms(b50)} ms`, `${ms(percentile(s.bot, 95))} ms`,
      ratio(b50 / f50), ratio(percentile(s.bot, 95) / percentile(s.floor, 95)), `throughput ≥ ${s.goal}×`, share >= s.goal ? 'yes' : 'no']);
    notes.push(`${s.what}: ${Math.round((s.size * 1000) / b50)} actions/s against the floor's ${Math.round((s.size * 1000) / f50)}/s = throughput ${share.toFixed(2)}× the floor's (per burst, p50)`);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  return [...table, ...notes].join('\n');
}
