import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { throwIf } from './case-rules';
import { eventBase } from './case-transition';
import type { Directory } from './directory';
import { DomainError } from './errors';
import type { InformedRole } from './roles';

/**
 * The guide's table of who is informed is "indicatief": the handler may add or remove informed people,
 * chosen from the directory (people with an informed role in the case's organisation or in an
 * organisation the route informs). Someone added gets the same short notice as at the start.
 */

export interface InformedPerson {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: InformedRole;
  readonly organisationId: string;
}

export interface InformedChange {
  readonly action: 'added' | 'removed';
  readonly person: InformedPerson;
  readonly at: Date;
  readonly byAadObjectId: string;
}

type InformedDirectory = Pick<Directory, 'informedPeople' | 'informedMembers'>;

/** The people the route informed at the start (as the directory names them), never the office holder. */
export function initiallyInformed(c: Case, directory: InformedDirectory): InformedPerson[] {
  const people: InformedPerson[] = [];
  for (const party of c.route.informed) {
    if (party.external || !party.organisationId) continue;
    for (const person of directory.informedPeople(party.organisationId, party.role)) {
      if (person.aadObjectId !== c.officeHolder.aadObjectId) people.push({ aadObjectId: person.aadObjectId, name: person.name, role: party.role, organisationId: party.organisationId });
    }
  }
  return people;
}

/** Who is informed now: those of the start, then each addition and removal in order. */
export function currentlyInformed(c: Case, directory: InformedDirectory): InformedPerson[] {
  let people = initiallyInformed(c, directory);
  for (const change of c.informedChanges ?? []) {
    people = people.filter((p) => p.aadObjectId !== change.person.aadObjectId);
    if (change.action === 'added') people.push(change.person);
  }
  return people;
}

/** Who the handler can add: informed roles of the case's organisation and the route's organisations, not yet informed, not the office holder. */
export function informedCandidates(c: Case, directory: InformedDirectory): InformedPerson[] {
  const organisations = [...new Set([c.organisationId, ...c.route.informed.flatMap((p) => (p.organisationId && !p.external ? [p.organisationId] : []))])];
  const informed = new Set(currentlyInformed(c, directory).map((p) => p.aadObjectId));
  const seen = new Set<string>();
  const candidates: InformedPerson[] = [];
  for (const organisationId of organisations) {
    for (const member of directory.informedMembers(organisationId)) {
      if (member.aadObjectId === c.officeHolder.aadObjectId || informed.has(member.aadObjectId) || seen.has(member.aadObjectId)) continue;
      seen.add(member.aadObjectId);
      candidates.push({ aadObjectId: member.aadObjectId, name: member.name, role: member.role, organisationId });
    }
  }
  return candidates;
}

/** A handler adds a person from the directory; adding someone already informed changes nothing. */
export function addInformedPerson(c: Case, aadObjectId: string, by: string, now: Date, directory: InformedDirectory): CaseChange {
  throwIf(commandRefusal(c, 'addInformed', actorOf(c, by)));
  if (currentlyInformed(c, directory).some((p) => p.aadObjectId === aadObjectId)) return unchanged(c);
  const person = informedCandidates(c, directory).find((p) => p.aadObjectId === aadObjectId);
  if (person === undefined) throw new DomainError('CASE.INFORMED_PERSON_UNKNOWN', { detail: `case ${c.id}` });
  const base = eventBase(c, by, now);
  const change: InformedChange = { action: 'added', person, at: now, byAadObjectId: by };
  return changeOf(c, { ...c, informedChanges: [...(c.informedChanges ?? []), change] }, base, [
    caseEvent(base, 'informedPersonAdded', { aadObjectId: person.aadObjectId, role: person.role }),
  ]);
}

/** A handler removes an informed person (they get no further notices); removing someone not informed changes nothing. */
export function removeInformedPerson(c: Case, aadObjectId: string, by: string, now: Date, directory: InformedDirectory): CaseChange {
  throwIf(commandRefusal(c, 'removeInformed', actorOf(c, by)));
  const person = currentlyInformed(c, directory).find((p) => p.aadObjectId === aadObjectId);
  if (person === undefined) return unchanged(c);
  const base = eventBase(c, by, now);
  const change: InformedChange = { action: 'removed', person, at: now, byAadObjectId: by };
  return changeOf(c, { ...c, informedChanges: [...(c.informedChanges ?? []), change] }, base, [
    caseEvent(base, 'informedPersonRemoved', { aadObjectId: person.aadObjectId, role: person.role }),
  ]);
}
