import type { Case } from '../domain/case';
import { countEarlierCases, type RecidiveSubject } from '../domain/perpetrator';
import type { PerpetratorIndex } from './ports';

/**
 * Recidive counts from the perpetrator index (one small partition per organisation and key), never
 * from a scan of the cases. A case's count is fixed at submission; cases stored before that was kept
 * are counted when shown.
 */
export class Recidive {
  constructor(private readonly index: PerpetratorIndex) {}

  /** Earlier cases of the organisation that share a perpetrator key with `subject`. */
  async countEarlier(subject: RecidiveSubject): Promise<number> {
    if (subject.perpetratorKeys.length === 0) return 0;
    return countEarlierCases(subject, await this.index.find(subject.organisationId, subject.perpetratorKeys));
  }

  /**
   * Cases elsewhere in the province with the same perpetrator (issue 10 point 7): "komt in N andere
   * zaken elders in de provincie voor", never which ones.
   */
  async countElsewhere(subject: RecidiveSubject): Promise<number> {
    if (subject.perpetratorKeys.length === 0 || !this.index.countElsewhere) return 0;
    return this.index.countElsewhere(subject);
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
}
