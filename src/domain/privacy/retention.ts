import type { Case } from '../case';

/**
 * Retention (issue 12, AVG art. 5(1)(e) storage limitation): a closed case is kept for a set number of
 * days after closing, then reduced to its anonymous registration row (registration-row.ts). Open
 * cases are never due, however old.
 */

/** The default period after closing; README "Privacy" gives the reasoning. */
export const DEFAULT_RETENTION_DAYS = 730;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the case was closed (its last change to 'closed'), or undefined while it is open. */
export function closedAt(c: Pick<Case, 'status' | 'statusHistory'>): Date | undefined {
  if (c.status !== 'closed') return undefined;
  const closings = c.statusHistory.filter((change) => change.status === 'closed');
  return closings[closings.length - 1]?.at;
}

/** When a closed case's personal data goes: `retentionDays` after closing; undefined for an open case. */
export function purgeDueAt(c: Pick<Case, 'status' | 'statusHistory'>, retentionDays: number): Date | undefined {
  const closed = closedAt(c);
  return closed === undefined ? undefined : new Date(closed.getTime() + retentionDays * DAY_MS);
}

/** Whether a case's personal data is due to be removed at `now`. */
export function isPurgeDue(c: Pick<Case, 'status' | 'statusHistory'>, retentionDays: number, now: Date): boolean {
  const due = purgeDueAt(c, retentionDays);
  return due !== undefined && due.getTime() <= now.getTime();
}

/** One line of the coordinator's dry-run list: no names, no free text. */
export interface RetentionPreviewLine {
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly closedAt: Date;
  readonly purgeAt: Date;
}

/** The closed cases and when each will be purged, earliest first. */
export function retentionPreview(cases: readonly Pick<Case, 'caseNumber' | 'organisationId' | 'status' | 'statusHistory'>[], retentionDays: number): RetentionPreviewLine[] {
  const lines: RetentionPreviewLine[] = [];
  for (const c of cases) {
    const closed = closedAt(c);
    const purgeAt = purgeDueAt(c, retentionDays);
    if (closed === undefined || purgeAt === undefined) continue;
    lines.push({ caseNumber: c.caseNumber, organisationId: c.organisationId, closedAt: closed, purgeAt });
  }
  return lines.sort((a, b) => a.purgeAt.getTime() - b.purgeAt.getTime() || a.caseNumber.localeCompare(b.caseNumber));
}
