import type { Case } from './case-model';
import type { Directory } from './directory';
import { DomainError } from './errors';

/** What a person may do with a case: handle it, answer as its office holder, or nothing. */
export type CaseAccess = 'handler' | 'officeHolder' | 'none';

/** The part of the directory the policy needs (lets tests pass plain data). */
export type DeskLookup = Pick<Directory, 'desk'>;

/**
 * Access of a person to a case. Handlers are the people on the desk the case was routed to
 * (organisation + handler role); the directory is the truth, so someone removed from the desk loses
 * access, also to a case they took. The office holder never handles their own case, even if listed
 * on the desk. Informed parties, other desks and other organisations get nothing.
 */
export function accessOf(c: Case, aadObjectId: string, directory: DeskLookup): CaseAccess {
  if (aadObjectId === '') {
    return 'none';
  }
  if (aadObjectId === c.officeHolder.aadObjectId) {
    return 'officeHolder';
  }
  const desk = directory.desk(c.route.handler.organisationId, c.route.handler.role);
  return desk?.handlers.some((h) => h.aadObjectId === aadObjectId) ? 'handler' : 'none';
}

/** Throws CASE.NOT_ALLOWED unless the person is a handler of the case. */
export function assertHandler(c: Case, aadObjectId: string, directory: DeskLookup): void {
  if (accessOf(c, aadObjectId, directory) !== 'handler') {
    // Ids only: no names in messages that may reach logs.
    throw new DomainError('CASE.NOT_ALLOWED', { detail: `not a handler of case ${c.id}` });
  }
}

/** Throws CASE.NOT_ALLOWED unless the person is the office holder of the case. */
export function assertOfficeHolder(c: Case, aadObjectId: string): void {
  if (aadObjectId === '' || aadObjectId !== c.officeHolder.aadObjectId) {
    throw new DomainError('CASE.NOT_ALLOWED', { detail: `not the office holder of case ${c.id}` });
  }
}
