import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import type { EvaluationInput } from '../../src/domain/case';
import { WorkingDayCalendar } from '../../src/domain/working-days';

/** What the tests of case steps share: the working-day calendar, the people, the moments, an evaluation. */
export const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
export const OFFICE_HOLDER = 'aad-office-holder';
export const HANDLER = 'aad-handler';
/** Monday 30 November 2026, 11:00 CET; the sample report's incident was an hour earlier. */
export const NOW = new Date('2026-11-30T10:00:00Z');
export const later = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);
export const EVALUATION: EvaluationInput = { riskAssessment: 'Laag.', causeAnalysis: 'Besluit.', trendAnalysis: 'Eerste keer.', improvements: 'Geen.' };
