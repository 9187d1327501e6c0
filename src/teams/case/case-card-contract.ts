/** The contract of the case cards with their templates and Action.Execute handlers: template names, verbs, input ids, and the size limits. */


/** Template names (files in cards/) of case handling. */
export const CASE_CARD_NAMES = {
  caseCard: 'case-card',
  progress: 'case-progress',
  measuresProposal: 'measures-proposal',
  informedNotice: 'informed-notice',
  error: 'case-error',
} as const;

/** Every Action.Execute verb on the case cards; the templates use exactly these (a test checks). */
export const CASE_VERBS = {
  refresh: 'case.refresh',
  take: 'case.take',
  proposeMeasures: 'case.proposeMeasures',
  agreeMeasures: 'case.agreeMeasures',
  sendBackMeasures: 'case.sendBackMeasures',
  approveMeasures: 'case.approveMeasures',
  tickChecklistStep: 'case.tickChecklistStep',
  untickChecklistStep: 'case.untickChecklistStep',
  /** The checklist form: every step's toggle at once. */
  saveChecklist: 'case.saveChecklist',
  /** The 7 W's completed at checklist step 2. */
  completePoliceForm: 'case.completePoliceForm',
  recordInspectorateWarned: 'case.recordInspectorateWarned',
  recordMeetingHeld: 'case.recordMeetingHeld',
  recordResponse: 'case.recordResponse',
  completeTask: 'case.completeTask',
  close: 'case.close',
  recordPoliceReport: 'case.recordPoliceReport',
  adjustRestrictions: 'case.adjustRestrictions',
  recordRestrictionsConfirmed: 'case.recordRestrictionsConfirmed',
  recordMeetingReport: 'case.recordMeetingReport',
  addInformed: 'case.addInformed',
  removeInformed: 'case.removeInformed',
  involveCoordinator: 'case.involveCoordinator',
  // The police information form (PDF) to the caller's 1:1 chat; not a change of the case.
  policeForm: 'case.policeForm',
  planMeeting: 'case.planMeeting',
  // The planned meetings on the case card; handled with the other meeting verbs in src/teams/meeting.
  retryMeeting: 'meeting.retry',
  showMeeting: 'meeting.show',
} as const;
/** One of CASE_VERBS. */
export type CaseVerb = (typeof CASE_VERBS)[keyof typeof CASE_VERBS];

/**
 * Ids of the inputs on the case cards; Teams merges each value into the action's data under its id.
 * `responseKind` is not an input: each of the two response forms sends it as fixed data.
 */
export const CASE_INPUT_IDS = {
  measures: 'measures',
  measureDescription: 'measureDescription',
  restrictionsEndOn: 'restrictionsEndOn',
  comment: 'comment',
  meetingKind: 'meetingKind',
  heldOn: 'heldOn',
  heldAt: 'heldAt',
  responseSummary: 'responseSummary',
  noResponseReason: 'noResponseReason',
  noResponseExplanation: 'noResponseExplanation',
  riskAssessment: 'riskAssessment',
  causeAnalysis: 'causeAnalysis',
  trendAnalysis: 'trendAnalysis',
  improvements: 'improvements',
  noDamageRecoveryReason: 'noDamageRecoveryReason',
  restrictionsOnClose: 'restrictionsOnClose',
  policeReportKind: 'policeReportKind',
  policeReportMadeOn: 'policeReportMadeOn',
  policeJudgement: 'policeJudgement',
  restrictionsNewEndOn: 'restrictionsNewEndOn',
  restrictionsAgreements: 'restrictionsAgreements',
  confirmationSentOn: 'confirmationSentOn',
  meetingReportText: 'meetingReportText',
  meetingReportShareable: 'meetingReportShareable',
  informedAadObjectId: 'informedAadObjectId',
} as const;

/** Teams refreshes a card automatically for at most this many users. */
export const REFRESH_USER_IDS_MAX = 60;

/** How much of each kind of user text a card shows, in UTF-16 code units. */
export interface TextLimits {
  readonly description: number;
  readonly text: number;
  readonly comment: number;
  readonly name: number;
}

/** Display limits of the case cards; the full texts stay in the case. */
export const CASE_CARD_TEXT_MAX: TextLimits = { description: 1200, text: 300, comment: 200, name: 100 };

/**
 * Bytes (UTF-8 JSON) a case card's view-model may take. The template adds about 14 KB of structure
 * at most; together they stay under Teams' 28 KB message limit. Over budget, the user texts are shortened.
 */
export const CASE_CARD_VIEW_MODEL_BUDGET = 12_000;
/** Shortening never goes below this many characters per text. */
export const MIN_TEXT_LIMIT = 12;
/** The case card lists at most this many held meetings, the newest. */
export const MEETINGS_MAX = 6;
/** "Geschiedenis" shows the newest this many changes, then "en N eerdere wijzigingen". */
export const HISTORY_MAX = 6;
