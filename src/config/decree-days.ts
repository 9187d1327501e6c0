import { readFileSync } from 'fs';
import { parseDecreeDays, type DecreeDays } from '../domain/decree-days';
import { WorkingDayCalendar } from '../domain/working-days';
import { ConfigError } from './env';
// Imported rather than read from disk, so the build copies it into dist/ with the code.
import shippedFile from './decree-days.json';

/**
 * The days royal decrees equate with public holidays (art. 3 lid 3 Algemene termijnenwet). The
 * shipped defaults cover 2023–2028; DECREE_DAYS_PATH points at a file in the same format that
 * replaces them when a new decree appears.
 */

function validated(raw: unknown, source: string): DecreeDays {
  const result = parseDecreeDays(raw);
  if (!result.ok) {
    throw new ConfigError(`Decree days in ${source} are invalid:\n  - ${result.problems.join('\n  - ')}`);
  }
  return result.decreeDays;
}

/** The decrees shipped with the bot (src/config/decree-days.json). */
export const SHIPPED_DECREE_DAYS: DecreeDays = validated(shippedFile, 'src/config/decree-days.json');

/** The configured decree days: the file at `path`, or the shipped defaults; a bad file stops start-up. */
export function loadDecreeDays(path: string | undefined): DecreeDays {
  if (path === undefined) {
    return SHIPPED_DECREE_DAYS;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Decree days file ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  return validated(raw, path);
}

/** The working-day calendar of the configured decree days (one per process). */
export function workingDayCalendar(path: string | undefined): WorkingDayCalendar {
  return new WorkingDayCalendar(loadDecreeDays(path));
}
