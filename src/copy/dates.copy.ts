import { DateTime } from 'luxon';
import { AMSTERDAM } from '../domain/working-days';

/** Dutch dates, times and durations, in Europe/Amsterdam: how the bot writes a moment or the time left. */

const HOUR_MS = 60 * 60 * 1000;

/** How far a deadline is from `now`. */
export interface TimeLeft {
  readonly overdue: boolean;
  /** Dutch, e.g. "nog 1 dag en 3 uur" or "3 uur te laat". */
  readonly text: string;
}

/** From this much overdue on, the text names the moment it expired instead of a duration. */
const SHOW_EXPIRY_DATE_AFTER_DAYS = 7;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Dutch duration, rounded down, at most two units: days and hours, hours and minutes, or minutes. */
function dutchDuration(ms: number): string {
  const totalMinutes = Math.floor(ms / 60000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const join = (first: string, second: number, unit: string): string => (second === 0 ? first : `${first} en ${second} ${unit}`);
  if (days > 0) {
    return join(plural(days, 'dag', 'dagen'), hours, 'uur');
  }
  if (hours > 0) {
    return join(`${hours} uur`, minutes, minutes === 1 ? 'minuut' : 'minuten');
  }
  return totalMinutes === 0 ? 'minder dan een minuut' : plural(minutes, 'minuut', 'minuten');
}

/** Time left until `dueAt` at `now`, as Dutch text; overdue once `now` is past `dueAt`. */
export function timeLeft(dueAt: Date, now: Date): TimeLeft {
  const ms = dueAt.getTime() - now.getTime();
  if (ms >= 0) {
    return { overdue: false, text: `nog ${dutchDuration(ms)}` };
  }
  if (-ms >= SHOW_EXPIRY_DATE_AFTER_DAYS * 24 * HOUR_MS) {
    return { overdue: true, text: `verlopen sinds ${formatDutchDateTime(dueAt)}` };
  }
  return { overdue: true, text: `${dutchDuration(-ms)} te laat` };
}

/** Luxon's format of a Dutch date as the bot writes it: "maandag 30 november 2026" (with the locale 'nl'). */
export const DUTCH_DATE_FORMAT = 'cccc d LLLL yyyy';

/** E.g. "maandag 30 november 2026 om 17:00", in Europe/Amsterdam. */
export function formatDutchDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM }).setLocale('nl').toFormat(`${DUTCH_DATE_FORMAT} 'om' HH:mm`);
}

/** E.g. "maandag 30 november 2026", in Europe/Amsterdam. */
export function formatDutchDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM }).setLocale('nl').toFormat(DUTCH_DATE_FORMAT);
}
