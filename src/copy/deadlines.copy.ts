import type { Deadline } from '../domain/deadlines';

/** The Dutch said about a deadline beyond its name and moment: how it was counted. */

/** Dutch list of years: "2029", "2028 en 2029". */
function yearList(years: readonly number[]): string {
  const texts = years.map(String);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} en ${texts.at(-1)}`;
}

/**
 * Dutch note for a working-day deadline counted through a year whose decree days (art. 3 lid 3
 * Algemene termijnenwet) are not configured; undefined when every day was known.
 */
export function decreeDaysNote(deadline: Pick<Deadline, 'decreeDaysUnknownFor'>): string | undefined {
  const years = deadline.decreeDaysUnknownFor ?? [];
  if (years.length === 0) return undefined;
  return `Voor ${yearList(years)} zijn de bij besluit gelijkgestelde feestdagen (zoals de vrijdag na Hemelvaart) nog niet bekend. `
    + 'Deze termijn is zonder die dagen berekend en valt daardoor misschien een werkdag te vroeg.';
}
