import type { Case } from './case-model';
import type { IncidentReport } from './report';

/**
 * Recidive (domain.md: "several incidents by one pleger build a dossier"). A report can name the
 * perpetrator by name or online handle and by licence plate; each gives its own key, so a later
 * report that only has the plate still finds the earlier one that had both. The check of a Dutch
 * licence plate a report may hold is here too.
 */

/** Words people type in the name field when they do not know the perpetrator: never a key. */
const NOT_A_NAME: ReadonlySet<string> = new Set(['onbekend', 'onbekende', 'anoniem', 'anonymous', 'unknown', 'geen', 'niemand', 'nvt', 'n v t', 'weet ik niet', 'geen idee']);

/** Lowercase, accents folded, curly quotes straightened, whitespace collapsed; '@handles' keep their '@'. */
export function normalisePerpetratorName(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'");
  return folded
    .split(/\s+/)
    .filter((word) => word !== '')
    // A handle keeps dots and underscores ("@jan.de_vries"); in a name, dots and commas only separate initials.
    .map((word) => (word.startsWith('@') ? word : word.replace(/[.,;:"()]+/g, ' ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A licence plate without dashes, spaces or dots, lowercase ("12-ABC-3" → "12abc3"). */
export function normaliseLicencePlateKey(plate: string): string {
  return plate.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The keys under which a report's perpetrator is recognised: "name:<normalised>" (a handle without a
 * known platform is a name: "name:@boze_burger"), "handle:<platform>:<handle>" for a handle on a known
 * platform (the same handle on another platform may be someone else), and/or "plate:<normalised>";
 * empty when the report gives none (unknown perpetrator). The name counts also when the office holder
 * does not know who it is: the intake asks for a screen name then.
 */
export function perpetratorKeys(report: Pick<IncidentReport, 'perpetrator'>): string[] {
  const keys: string[] = [];
  const { name, licencePlate, platform } = report.perpetrator;
  if (name !== undefined) {
    const normalised = normalisePerpetratorName(name);
    // One letter or a bare '@' identifies nobody.
    if (normalised.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 && !NOT_A_NAME.has(normalised)) {
      const handle = /^@(\S+)$/.exec(normalised);
      keys.push(handle !== null && platform !== undefined ? `handle:${platform}:${handle[1]}` : `name:${normalised}`);
    }
  }
  if (licencePlate !== undefined) {
    const plate = normaliseLicencePlateKey(licencePlate);
    if (plate.length >= 2) {
      keys.push(`plate:${plate}`);
    }
  }
  return keys;
}

/** What recidive needs to know of a case. */
export type RecidiveSubject = Pick<Case, 'id' | 'organisationId' | 'registeredAt' | 'perpetratorKeys'> & { readonly caseNumber?: string };

/**
 * How many cases of the same organisation, registered before `c`, share a perpetrator key with it.
 * Other organisations' cases never count: their handlers have no access to them.
 */
export function countEarlierCases(c: RecidiveSubject, others: readonly RecidiveSubject[]): number {
  const keys = new Set(c.perpetratorKeys);
  if (keys.size === 0) {
    return 0;
  }
  return others.filter(
    (other) =>
      other.id !== c.id &&
      other.organisationId === c.organisationId &&
      other.registeredAt.getTime() < c.registeredAt.getTime() &&
      other.perpetratorKeys.some((key) => keys.has(key)),
  ).length;
}

/** A light check of a Dutch licence plate; normalised to upper case with dashes, or undefined. */
export function normaliseLicencePlate(text: string): string | undefined {
  const compact = text.trim().toUpperCase().replace(/[\s.]+/g, '-').replace(/-+/g, '-');
  const groups = compact.split('-');
  const characters = groups.join('');
  if (!/^[A-Z0-9]{6}$/.test(characters) || !/[A-Z]/.test(characters) || !/[0-9]/.test(characters)) return undefined;
  if (groups.length === 1) return characters;
  if (groups.length !== 3 || groups.some((g) => g.length === 0 || g.length > 3)) return undefined;
  // Each group is all letters or all digits on a Dutch plate.
  if (groups.some((g) => !/^(?:[A-Z]+|[0-9]+)$/.test(g))) return undefined;
  return groups.join('-');
}
