/**
 * The guide's follow-up steps on the handler's case card (issue 10 points 3–6, 9, 10): the police record,
 * the restrictions cycle, the verslag of the incidentgesprek, the informed people and the coordinator's
 * support. Bound to the container "caseFollowUp" in cards/case-card.json; every flag is the domain's answer.
 */
import { DateTime } from 'luxon';
import type { Case, CaseCommandKind } from '../../domain/case';
import { formatDutchDate } from '../../copy/dates.copy';
import { damageReported } from '../../domain/damage-recovery';
import { POLICE_JUDGEMENTS, POLICE_REPORT_KINDS, RESTRICTIONS_CLOSING_DECISIONS } from '../../domain/follow-up-terms';
import { POLICE_JUDGEMENT_LABELS, POLICE_REPORT_KIND_LABELS, RESTRICTIONS_CLOSING_LABELS } from '../../copy/follow-up.copy';
import type { InformedPerson } from '../../domain/informed-people';
import { MEETING_REPORT_MAX } from '../../domain/meeting-report';
import { POLICE_REPORT_STEP } from '../../domain/police-checklist';
import { INFORMED_ROLE_LABELS } from '../../domain/roles';
import { approvedRestrictions, restorationKeptAfterClosing, restrictionsRunning } from '../../domain/restrictions';
import { AMSTERDAM, amsterdamDate } from '../../domain/working-days';
import { toCardText } from '../cards/escape';
import type { TextLimits } from './case-card-contract';

/** The informed people now, and whom the handler could add (from the directory). */
export interface InformedView {
  readonly current: readonly InformedPerson[];
  readonly candidates: readonly InformedPerson[];
}

type Choice = { title: string; value: string };

export interface FollowUpViewModel {
  /** Police: what was recorded, and the form. */
  policeRecordText: string;
  canRecordPolice: boolean;
  policeKinds: Choice[];
  policeJudgements: Choice[];
  /** Restrictions: where they stand, the extend/adjust form and the confirmation form. */
  restrictionsText: string;
  canAdjustRestrictions: boolean;
  canConfirmRestrictions: boolean;
  restrictionsNewEndMin: string;
  /** The verslag of the incidentgesprek. */
  meetingReportText: string;
  canRecordMeetingReport: boolean;
  meetingReportMax: number;
  meetingReportValue: string;
  /** Informed people. */
  showInformed: boolean;
  /** "Geïnformeerd (2)": the title of the folded section. */
  informedTitle: string;
  informedPeople: { aadObjectId: string; text: string; canRemove: boolean }[];
  canAddInformed: boolean;
  informedChoices: Choice[];
  /** The coordinator VPT's support with the Arbeidsinspectie. */
  coordinatorText: string;
  canInvolveCoordinator: boolean;
  /** In the proposal form: reported damage needs recovery or a reason. */
  damageReported: boolean;
  damageWaiverText: string;
  /** In the closing form: a decision on restrictions still running. */
  restrictionsRunning: boolean;
  restrictionsClosingChoices: Choice[];
  /** Dates not after today, for the "when" inputs. */
  todayDate: string;
}

export const EMPTY_FOLLOW_UP: FollowUpViewModel = {
  policeRecordText: '',
  canRecordPolice: false,
  policeKinds: [],
  policeJudgements: [],
  restrictionsText: '',
  canAdjustRestrictions: false,
  canConfirmRestrictions: false,
  restrictionsNewEndMin: '',
  meetingReportText: '',
  canRecordMeetingReport: false,
  meetingReportMax: MEETING_REPORT_MAX,
  meetingReportValue: '',
  showInformed: false,
  informedTitle: '',
  informedPeople: [],
  canAddInformed: false,
  informedChoices: [],
  coordinatorText: '',
  canInvolveCoordinator: false,
  damageReported: false,
  damageWaiverText: '',
  restrictionsRunning: false,
  restrictionsClosingChoices: [],
  todayDate: '',
};

export function followUpPart(c: Case, allowed: ReadonlySet<CaseCommandKind>, now: Date, limits: TextLimits, informed?: InformedView): FollowUpViewModel {
  const record = c.policeRecord;
  const restrictions = approvedRestrictions(c);
  const confirmations = c.restrictions?.confirmations ?? [];
  const lastAdjustment = c.restrictions?.adjustments.at(-1);
  const decision = c.restrictions?.closingDecision?.decision;
  let restrictionsText = '';
  if (restrictions?.endsAt !== undefined) {
    restrictionsText = decision === 'endNow'
      ? `Beëindigd bij het afsluiten op ${formatDutchDate(c.restrictions?.closingDecision?.at ?? now)}; het herstelgesprek en de herinnering daarvoor zijn vervallen.`
      : `Lopen tot en met ${formatDutchDate(restrictions.endsAt)}${lastAdjustment ? ` (verlengd of aangepast op ${formatDutchDate(lastAdjustment.at)})` : ''}. `
        + (confirmations.length === 0 ? 'Nog niet schriftelijk bevestigd aan de pleger.' : `Schriftelijk bevestigd aan de pleger op ${formatDutchDate(confirmations.at(-1)?.sentOn ?? now)}.`)
        + (restorationKeptAfterClosing(c) ? ' De zaak is afgesloten; de herinnering voor het herstelgesprek blijft staan.' : '');
  }
  // The form applies once the melding or aangifte is made (step 4 ticked), or to correct what was recorded.
  const reportMade = c.policeChecklist?.ticks.some((t) => t.step === POLICE_REPORT_STEP) === true;
  const canRecordPolice = allowed.has('recordPoliceReport') && (record !== undefined || reportMade);
  const current = informed?.current ?? [];
  const candidates = informed?.candidates ?? [];
  const labourInspectorate = c.deadlines.some((d) => d.kind === 'labourInspectorate');
  const running = allowed.has('close') && restrictionsRunning(c, now);
  return {
    policeRecordText: record === undefined
      ? ''
      : `${POLICE_REPORT_KIND_LABELS[record.kind]} gedaan op ${formatDutchDate(record.madeAt)}. Oordeel van de politie: ${POLICE_JUDGEMENT_LABELS[record.judgement].toLowerCase()}.`
        + (record.judgement === 'notPunishable' ? ' Je kunt een second opinion vragen bij de hulpofficier van justitie (zie Taken).' : ''),
    canRecordPolice,
    policeKinds: canRecordPolice ? POLICE_REPORT_KINDS.map((k) => ({ title: POLICE_REPORT_KIND_LABELS[k], value: k })) : [],
    policeJudgements: canRecordPolice ? POLICE_JUDGEMENTS.map((j) => ({ title: POLICE_JUDGEMENT_LABELS[j], value: j })) : [],
    restrictionsText,
    canAdjustRestrictions: allowed.has('adjustRestrictions'),
    canConfirmRestrictions: allowed.has('recordRestrictionsConfirmed'),
    restrictionsNewEndMin: DateTime.fromJSDate(now, { zone: AMSTERDAM }).plus({ days: 1 }).toISODate() ?? '',
    meetingReportText: c.meetingReport === undefined
      ? ''
      : `${toCardText(c.meetingReport.text, limits.description)}\n\n${c.meetingReport.shareableWithPerpetrator ? 'Mag gedeeld worden met de pleger.' : 'Niet bedoeld om te delen met de pleger.'}`,
    canRecordMeetingReport: allowed.has('recordMeetingReport'),
    meetingReportMax: MEETING_REPORT_MAX,
    meetingReportValue: allowed.has('recordMeetingReport') ? toCardText(c.meetingReport?.text, MEETING_REPORT_MAX) : '',
    showInformed: informed !== undefined,
    informedTitle: `Geïnformeerd (${current.length})`,
    informedPeople: current.map((p) => ({
      aadObjectId: p.aadObjectId,
      text: `${toCardText(p.name, limits.name)} (${INFORMED_ROLE_LABELS[p.role]})`,
      canRemove: allowed.has('removeInformed'),
    })),
    canAddInformed: allowed.has('addInformed') && candidates.length > 0,
    informedChoices: allowed.has('addInformed') ? candidates.map((p) => ({ title: `${toCardText(p.name, limits.name)} (${INFORMED_ROLE_LABELS[p.role]})`, value: p.aadObjectId })) : [],
    coordinatorText: !labourInspectorate
      ? ''
      : c.coordinatorSupport === undefined
        ? 'Hulp nodig bij het waarschuwen van de Arbeidsinspectie? Betrek de coördinator VPT.'
        : `✓ De coördinator VPT is gevraagd om ondersteuning (${formatDutchDate(c.coordinatorSupport.askedAt)}).`,
    canInvolveCoordinator: labourInspectorate && c.coordinatorSupport === undefined && allowed.has('involveCoordinator'),
    damageReported: damageReported(c.report),
    damageWaiverText: c.damageRecoveryWaiver === undefined ? '' : `Schade wordt niet verhaald: ${toCardText(c.damageRecoveryWaiver.reason, limits.text)}`,
    restrictionsRunning: running,
    restrictionsClosingChoices: running ? RESTRICTIONS_CLOSING_DECISIONS.map((d) => ({ title: RESTRICTIONS_CLOSING_LABELS[d], value: d })) : [],
    todayDate: amsterdamDate(now),
  };
}
