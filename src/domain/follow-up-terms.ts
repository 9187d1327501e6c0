/**
 * The codes of the police record and of the restrictions' closing decision, in a module without imports:
 * the event schema (case-events.ts) needs them while police-record.ts and restrictions.ts need the events.
 */

export const POLICE_REPORT_KINDS = ['melding', 'aangifte'] as const;
export type PoliceReportKind = (typeof POLICE_REPORT_KINDS)[number];

export const POLICE_JUDGEMENTS = ['punishable', 'notPunishable', 'unknown'] as const;
export type PoliceJudgement = (typeof POLICE_JUDGEMENTS)[number];

/** What a case decided about running restrictions when it was closed. */
export const RESTRICTIONS_CLOSING_DECISIONS = ['endNow', 'keepRunning'] as const;
export type RestrictionsClosingDecision = (typeof RESTRICTIONS_CLOSING_DECISIONS)[number];
