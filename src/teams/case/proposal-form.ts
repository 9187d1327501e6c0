/** The measures form sent back to the handler after the server refused it: what was typed, and each error at its field. */
import type { ZodIssue } from 'zod';
import { DOMAIN_ERROR_MESSAGES } from '../../copy/errors.copy';
import type { ProposalFormState } from './case-card-actions';

const DATE_ERRORS = new Set([DOMAIN_ERROR_MESSAGES['CASE.MEASURE_END_REQUIRED'], DOMAIN_ERROR_MESSAGES['CASE.MEASURE_END_IN_PAST'], DOMAIN_ERROR_MESSAGES['CASE.MEASURE_END_NOT_APPLICABLE']]);
const MEASURE_ERRORS = new Set([DOMAIN_ERROR_MESSAGES['CASE.MEASURES_REQUIRED'], DOMAIN_ERROR_MESSAGES['CASE.MEASURE_DUPLICATE']]);

/** What the form says at a field it refused; the card action's own validation uses the same words. */
export const FIELD_MESSAGES = {
  measures: 'Kies minstens één maatregel.',
  restrictionsEndOn: 'Kies een geldige einddatum (dd-mm-jjjj) na vandaag.',
  measureDescription: 'De toelichting is te lang: maximaal 2000 tekens.',
} as const;

function text(value: unknown): string {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(',');
  return typeof value === 'string' ? value : '';
}

/** The form's values from untrusted card data (strings only), with the errors of a failed parse or a refusal. */
export function proposalFormState(data: unknown, why: { zodIssues: readonly ZodIssue[] } | { refusal: string }): ProposalFormState {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const errors: ProposalFormState['errors'] = {};
  if ('zodIssues' in why) {
    for (const issue of why.zodIssues) {
      const field = issue.path[0];
      if (field === 'measures') errors.measures = FIELD_MESSAGES.measures;
      if (field === 'restrictionsEndOn') errors.restrictionsEndOn = FIELD_MESSAGES.restrictionsEndOn;
      if (field === 'measureDescription') errors.description = FIELD_MESSAGES.measureDescription;
    }
  } else if (DATE_ERRORS.has(why.refusal)) {
    errors.restrictionsEndOn = why.refusal;
  } else if (MEASURE_ERRORS.has(why.refusal)) {
    errors.measures = why.refusal;
  } else if (why.refusal.startsWith('De tekst is te lang')) {
    errors.description = why.refusal;
  }
  return { measures: text(d.measures), description: text(d.measureDescription), restrictionsEndOn: text(d.restrictionsEndOn), errors };
}
