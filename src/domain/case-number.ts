import { DateTime } from 'luxon';
import { DomainError } from './errors';
import { AMSTERDAM } from './working-days';

/** Case numbers as users see and type them: WB-<year>-<five digits>. */

const CASE_NUMBER = /^WB-(\d{4})-(\d{5})$/;
const MAX_SEQUENCE = 99999;

/** Formats a case number as users see it, e.g. WB-2026-00042. */
export function formatCaseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new DomainError('CASE.INVALID_CASE_NUMBER', { detail: `year ${year}, sequence ${sequence}` });
  }
  return `WB-${year}-${String(sequence).padStart(5, '0')}`;
}

/** Reads a case number typed by a person (case and surrounding spaces ignored); undefined when invalid. */
export function parseCaseNumber(text: string): { year: number; sequence: number } | undefined {
  const match = CASE_NUMBER.exec(text.trim().toUpperCase());
  if (match === null) {
    return undefined;
  }
  const sequence = Number(match[2]);
  return sequence >= 1 ? { year: Number(match[1]), sequence } : undefined;
}

/** True for a well-formed case number in canonical form. */
export function isCaseNumber(text: string): boolean {
  return CASE_NUMBER.test(text) && parseCaseNumber(text) !== undefined;
}

/** The year a case number carries: the Amsterdam calendar year of registration. */
export function caseNumberYear(registeredAt: Date): number {
  return DateTime.fromJSDate(registeredAt, { zone: AMSTERDAM }).year;
}
