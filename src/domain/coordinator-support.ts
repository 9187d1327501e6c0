import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { throwIf } from './case-rules';
import { eventBase } from './case-transition';

/**
 * "De Arbeidsinspectie wordt binnen 24 uur gewaarschuwd … Indien ondersteuning gewenst is, wordt de
 * provinciale coördinator betrokken." When a case has the Arbeidsinspectie deadline, the handler can ask
 * the coordinator VPT for support: the coordinator gets a short notice (case-effects.ts), once.
 */
export interface CoordinatorSupport {
  readonly askedAt: Date;
  readonly byAadObjectId: string;
}

export function involveCoordinator(c: Case, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'involveCoordinator', actorOf(c, by)));
  if (c.coordinatorSupport !== undefined) return unchanged(c);
  const base = eventBase(c, by, now);
  return changeOf(c, { ...c, coordinatorSupport: { askedAt: now, byAadObjectId: by } }, base, [caseEvent(base, 'coordinatorInvolved', {})]);
}
