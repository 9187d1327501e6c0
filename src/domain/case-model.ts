import type { Deadline, DeadlineKind } from './deadlines';
import type { Measure, MeasureEvent } from './measures';
import type { MeetingKind } from './meeting-kinds';
import type { PoliceChecklist } from './police-checklist';
import type { IncidentReport } from './report';
import type { InformedRole, OfficeHolderRole } from './roles';
import type { PoliceFormCompletions } from './seven-ws';
import type { ResolvedRoute } from './routing';
import type { CoordinatorSupport } from './coordinator-support';
import type { DamageRecoveryWaiver } from './damage-recovery';
import type { InformedChange } from './informed-people';
import type { MeetingReport } from './meeting-report';
import type { PoliceRecord } from './police-record';
import type { RestrictionsState } from './restrictions';
import type { CaseStatus } from './case-status';

/**
 * What a case (zaak) holds: one report and everything done about it. It changes only through the
 * named operations (case-transition.ts, case-proposal.ts, case-records.ts, police-checklist.ts), each
 * of which returns the new case with the events it caused (case-events.ts).
 */

export interface OfficeHolder {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: OfficeHolderRole;
}

export interface StatusChange {
  readonly status: CaseStatus;
  readonly at: Date;
  readonly byAadObjectId: string;
  readonly comment?: string;
}

export interface CaseHandler {
  readonly aadObjectId: string;
  readonly takenAt: Date;
}

/**
 * The kinds of to-do: informing an external party (the Minister of BZK), asking the hulpofficier van
 * justitie for a second opinion (police-record.ts), reporting the damage claim (damage-recovery.ts).
 */
export const CASE_TASK_KINDS = ['informExternalParty', 'secondOpinion', 'reportDamageClaim'] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];

/** A to-do for the handler; external parties (the Minister of BZK) are informed through one. */
export interface CaseTask {
  readonly id: string;
  readonly kind: CaseTaskKind;
  /** The party to inform (informExternalParty only). */
  readonly role?: InformedRole;
  /** Dutch, shown to the handler. */
  readonly title: string;
  readonly status: 'open' | 'done';
  readonly createdAt: Date;
  readonly completedAt?: Date;
  readonly completedByAadObjectId?: string;
}

export const NO_RESPONSE_REASONS = ['perpetratorUnknown', 'other'] as const;
export type NoResponseReason = (typeof NO_RESPONSE_REASONS)[number];

/** What the handler records about the response towards the perpetrator (basisafspraak). */
export type PerpetratorResponseInput =
  | { readonly kind: 'given'; readonly summary: string }
  | { readonly kind: 'notPossible'; readonly reason: NoResponseReason; readonly explanation?: string };

export type PerpetratorResponse = PerpetratorResponseInput & {
  readonly recordedAt: Date;
  readonly recordedByAadObjectId: string;
};

export interface HeldMeeting {
  readonly kind: MeetingKind;
  readonly heldAt: Date;
  readonly recordedAt: Date;
  readonly recordedByAadObjectId: string;
}

/** Who warned the Arbeidsinspectie, and when it was recorded. */
export interface LabourInspectorateWarning {
  readonly at: Date;
  readonly byAadObjectId: string;
}

/** The guide's evaluation questions (domain.md "Evaluation"), all answered before a case closes. */
export const EVALUATION_QUESTIONS = ['riskAssessment', 'causeAnalysis', 'trendAnalysis', 'improvements'] as const;
export type EvaluationQuestion = (typeof EVALUATION_QUESTIONS)[number];

export const EVALUATION_LABELS: Readonly<Record<EvaluationQuestion, { readonly title: string; readonly question: string }>> = {
  riskAssessment: { title: 'Risicotaxatie', question: 'Hoe ernstig is het incident en wat is het risico op herhaling?' },
  causeAnalysis: { title: 'Oorzaakanalyse', question: 'Waarom gebeurde het incident?' },
  trendAnalysis: { title: 'Trendanalyse', question: 'Komen soortgelijke incidenten vaker voor?' },
  improvements: { title: 'Verbeteraanbevelingen', question: 'Welke verbeteringen zijn mogelijk en hoe voer je die door?' },
};

/** The handler's answers, each 1–2000 characters. */
export type EvaluationInput = Readonly<Record<EvaluationQuestion, string>>;

export type Evaluation = EvaluationInput & {
  readonly recordedAt: Date;
  readonly recordedByAadObjectId: string;
};

/** A case (zaak): one report and everything done about it. */
export interface Case {
  readonly id: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly officeHolder: OfficeHolder;
  readonly report: IncidentReport;
  readonly registeredAt: Date;
  readonly route: ResolvedRoute;
  readonly deadlines: readonly Deadline[];
  readonly status: CaseStatus;
  readonly statusHistory: readonly StatusChange[];
  readonly handler?: CaseHandler;
  readonly tasks: readonly CaseTask[];
  /** The current proposal (or the agreed/approved measures); earlier proposals are in measureHistory. */
  readonly measures: readonly Measure[];
  readonly measureHistory: readonly MeasureEvent[];
  readonly perpetratorResponse?: PerpetratorResponse;
  /** Recidive keys of the perpetrator (see perpetrator.ts), fixed at submission. */
  readonly perpetratorKeys: readonly string[];
  /**
   * Earlier cases of the same organisation sharing a perpetrator key (countEarlierCases), counted at
   * submission: "earlier" cannot change afterwards. Absent on cases stored before it was kept.
   */
  readonly earlierCasesOfPerpetrator?: number;
  /** When each deadline's goal was reached (the earliest time); the reminder scheduler stops there. */
  readonly goalReachedAt: Readonly<Partial<Record<DeadlineKind, Date>>>;
  /** Present when a police appointment is needed, or once a melding/aangifte is proposed. */
  readonly policeChecklist?: PoliceChecklist;
  readonly labourInspectorateWarned?: LabourInspectorateWarning;
  /** The 7 W's the handler added at checklist step 2 where the report says too little (police form). */
  readonly policeFormCompletions?: PoliceFormCompletions;
  readonly meetings: readonly HeldMeeting[];
  /**
   * Whether a conversation with the perpetrator was ever planned for the case (the plans themselves are
   * in the meeting planner's own table): a card reads that table only when there is something to show.
   * Absent on cases stored before it was kept: unknown.
   */
  readonly hasPlannedMeetings?: boolean;
  /** Given when the case is closed. */
  readonly evaluation?: Evaluation;
  /** The melding or aangifte as made, and the police's judgement (police-record.ts). */
  readonly policeRecord?: PoliceRecord;
  /** Restrictions adjusted after the herstelgesprek, confirmations to the perpetrator, the decision at closing (restrictions.ts). */
  readonly restrictions?: RestrictionsState;
  /** The short report of the incidentgesprek (meeting-report.ts). */
  readonly meetingReport?: MeetingReport;
  /** People the handler added to or removed from the informed parties (informed-people.ts). */
  readonly informedChanges?: readonly InformedChange[];
  /** The coordinator VPT asked for support with the Arbeidsinspectie (coordinator-support.ts). */
  readonly coordinatorSupport?: CoordinatorSupport;
  /** Why damage or absence that was reported is not recovered (damage-recovery.ts). */
  readonly damageRecoveryWaiver?: DamageRecoveryWaiver;
}

/** Which proposal round is current (1 for the first proposal); a card carries it so an old one cannot agree to a newer proposal. */
export function proposalRound(c: Case): number {
  return c.measureHistory.filter((e) => e.action === 'proposed').length;
}

/** Which party of the case a person is: its office holder, or (for the domain) a handler. Desk membership is case-access.ts. */
export function actorOf(c: Case, aadObjectId: string): 'officeHolder' | 'handler' {
  return aadObjectId === c.officeHolder.aadObjectId ? 'officeHolder' : 'handler';
}
