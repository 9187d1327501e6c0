import type { Case } from '../domain/case';
import { countEarlierCases, type RecidiveSubject } from '../domain/perpetrator';
import type { MatchDecision, PerpetratorIndex, ProvinceFiling } from './ports';

/** Another case of the same organisation, as its handlers may see it: an id and a case number. */
export interface RecidiveMatch {
  caseId: string;
  caseNumber: string;
  registeredAt: Date;
}

/**
 * What the handler of a case sees of recidive (issue 10 point 7): suggested matches in the own
 * organisation (sharing a key, not decided yet), the dossier (confirmed matches) and a count of
 * cases elsewhere in the province (matched on the keyed hash only: no case, no organisation named).
 */
export interface RecidiveOverview {
  /** Whether the case names its perpetrator at all (a name, handle or plate). */
  matchable: boolean;
  suggestions: RecidiveMatch[];
  /** Confirmed matches, oldest first. */
  dossier: RecidiveMatch[];
  /** How many of the dossier's cases came before this one. */
  earlierConfirmed: number;
  elsewhere: number;
  /** Changes whenever any of the above does: a card rendered for one fingerprint is the same card. */
  fingerprint: string;
}

/** Why a decision on a match was not recorded. */
export type MatchDecisionOutcome = { readonly decided: RecidiveMatch } | 'notSuggested';

/**
 * Recidive counts from the perpetrator index (one small partition per organisation and key), never
 * from a scan of the cases. A case's count is fixed at submission; cases stored before that was kept
 * are counted when shown. Matches on a key are suggestions; a handler confirms or rejects them.
 */
export class Recidive {
  constructor(
    private readonly index: PerpetratorIndex,
    /** The case number of a case filed before the index kept it; undefined once the case is gone. */
    private readonly caseNumberOf: (caseId: string) => Promise<string | undefined> = async () => undefined,
  ) {}

  /** Earlier cases of the organisation that share a perpetrator key with `subject`. */
  async countEarlier(subject: RecidiveSubject): Promise<number> {
    if (subject.perpetratorKeys.length === 0) return 0;
    return countEarlierCases(subject, await this.index.find(subject.organisationId, subject.perpetratorKeys));
  }

  /**
   * Cases elsewhere in the province with the same perpetrator (issue 10 point 7): "komt in N zaken
   * elders in de provincie voor", never which ones.
   */
  async countElsewhere(subject: RecidiveSubject): Promise<number> {
    return elsewhereOf(subject, await this.filedInProvince(subject)).size;
  }

  /** Per other organisation, how many of its cases share a key (the coordinator VPT's notice). */
  async elsewhereByOrganisation(subject: RecidiveSubject): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const organisationId of elsewhereOf(subject, await this.filedInProvince(subject)).values()) counts.set(organisationId, (counts.get(organisationId) ?? 0) + 1);
    return counts;
  }

  private async filedInProvince(subject: RecidiveSubject): Promise<ProvinceFiling[]> {
    if (subject.perpetratorKeys.length === 0) return [];
    return this.index.filedInProvince(subject.perpetratorKeys);
  }

  /** Files a new case under its perpetrator keys, so later reports find it. */
  async file(c: RecidiveSubject): Promise<void> {
    if (c.perpetratorKeys.length > 0) await this.index.add(c);
  }

  /** The case with its count of earlier cases: the one kept since submission, or counted now for an older case. */
  async withCount(c: Case): Promise<Case> {
    if (c.earlierCasesOfPerpetrator !== undefined) return c;
    return { ...c, earlierCasesOfPerpetrator: await this.countEarlier(c) };
  }

  /** What the handler of `c` sees of recidive: suggestions and the dossier in the organisation, a count elsewhere. */
  async overview(c: Case): Promise<RecidiveOverview> {
    if (c.perpetratorKeys.length === 0) return { matchable: false, suggestions: [], dossier: [], earlierConfirmed: 0, elsewhere: 0, fingerprint: 'none' };
    // One read of the province-wide rows first: most cases share their keys with no other case of the
    // organisation, and then neither the organisation's rows nor the decisions need reading (a card
    // refresh stays one read of the case and one of the index).
    const filed = await this.filedInProvince(c);
    const elsewhere = elsewhereOf(c, filed).size;
    if (!filed.some((f) => f.organisationId === c.organisationId && f.caseId !== c.id)) {
      return { matchable: true, suggestions: [], dossier: [], earlierConfirmed: 0, elsewhere, fingerprint: fingerprintOf([], [], elsewhere) };
    }
    const [sharing, decisions] = await Promise.all([
      this.index.find(c.organisationId, c.perpetratorKeys),
      this.index.decisions?.(c.id) ?? Promise.resolve(new Map<string, MatchDecision>()),
    ]);
    const suggestions: RecidiveMatch[] = [];
    const dossier: RecidiveMatch[] = [];
    for (const other of sharing) {
      if (other.id === c.id || other.organisationId !== c.organisationId) continue;
      const decision = decisions.get(other.id)?.decision;
      if (decision === 'rejected') continue;
      const caseNumber = other.caseNumber ?? (await this.caseNumberOf(other.id));
      if (caseNumber === undefined) continue;
      (decision === 'confirmed' ? dossier : suggestions).push({ caseId: other.id, caseNumber, registeredAt: other.registeredAt });
    }
    const byTime = (a: RecidiveMatch, b: RecidiveMatch) => a.registeredAt.getTime() - b.registeredAt.getTime();
    suggestions.sort(byTime);
    dossier.sort(byTime);
    const earlierConfirmed = dossier.filter((m) => m.registeredAt.getTime() < c.registeredAt.getTime()).length;
    return { matchable: true, suggestions, dossier, earlierConfirmed, elsewhere, fingerprint: fingerprintOf(suggestions, dossier, elsewhere) };
  }

  /**
   * A handler's decision on a suggested match of `c` with `otherCaseId`: only a current suggestion can
   * be decided (the card's data is never trusted). A rejected match is never suggested again.
   */
  async decide(c: Case, otherCaseId: string, decision: MatchDecision): Promise<MatchDecisionOutcome> {
    if (!this.index.decide) return 'notSuggested';
    const { suggestions } = await this.overview(c);
    const match = suggestions.find((m) => m.caseId === otherCaseId);
    if (match === undefined) return 'notSuggested';
    await this.index.decide(c.id, otherCaseId, decision);
    return { decided: match };
  }
}

/** The cases of other organisations among `filed`, by case id, with their organisation. */
function elsewhereOf(subject: RecidiveSubject, filed: readonly ProvinceFiling[]): Map<string, string> {
  return new Map(filed.filter((f) => f.organisationId !== subject.organisationId).map((f) => [f.caseId, f.organisationId]));
}

/** What a rendered card depends on of an overview: the same fingerprint is the same card. */
function fingerprintOf(suggestions: readonly RecidiveMatch[], dossier: readonly RecidiveMatch[], elsewhere: number): string {
  return `s:${suggestions.map((m) => m.caseId).join(',')};d:${dossier.map((m) => m.caseId).join(',')};e:${elsewhere}`;
}
