/** Pieces every case card shares: facts, deadlines, measures and the small texts built from a case. */
import { DateTime } from 'luxon';
import { type Case } from '../../domain/case';
import { type Deadline, DEADLINE_LABELS } from '../../domain/deadlines';
import { decreeDaysNote } from '../../copy/deadlines.copy';
import { formatDutchDate, formatDutchDateTime, timeLeft } from '../../copy/dates.copy';
import { type Measure, MEASURE_KIND_LABELS } from '../../domain/measures';
import { findOrganisation } from '../../domain/organisations';
import { BEHAVIOUR_LEVELS, type IncidentReport, ONLINE_CHANNEL_LABELS, TEXT_LIMITS } from '../../domain/report';
import { HANDLER_ROLE_LABELS } from '../../domain/roles';
import { AMSTERDAM } from '../../domain/working-days';
import { toCardText } from '../cards/escape';
import { REFRESH_USER_IDS_MAX, type TextLimits } from './case-card-contract';

/** Who looks at a case card: a handler of the case's desk, anyone else in the channel, or the office holder. */
export type CaseViewer = 'handler' | 'readOnly' | 'officeHolder';

/** One line of a FactSet. */
export interface FactViewModel {
  title: string;
  value: string;
}

/** One deadline as a reader sees it. */
export interface CaseDeadlineViewModel {
  label: string;
  /** "Uiterlijk maandag 30 november 2026 om 17:00". */
  due: string;
  /** "nog 2 dagen en 3 uur", "⚠️ 3 uur te laat", "✓ Gedaan op …" or "Niet vastgelegd". */
  status: string;
  overdue: boolean;
  /** Adaptive Card text colour of the status. */
  color: 'Attention' | 'Good' | 'Default';
  /** Why the moment may shift, e.g. a year's decree days are not known yet; '' when nothing to say. */
  note: string;
}

/** One measure as a reader sees it. */
export interface MeasureViewModel {
  label: string;
  /** '' when none, or when all measures share it (then it is `measuresNote`). */
  description: string;
  /** "Tot en met …" for restrictive measures; '' otherwise. */
  endsOn: string;
}

/** Measures with their explanation: one proposal form gives all measures the same one, shown once. */
export interface MeasureListViewModel {
  measures: MeasureViewModel[];
  /** The explanation shared by all measures; '' otherwise. */
  measuresNote: string;
}

/** The Teams user ids (e.g. "29:…") that get the card refreshed automatically: unique, non-empty, at most 60. */
export function refreshIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => typeof id === 'string' && id.trim() !== ''))].slice(0, REFRESH_USER_IDS_MAX);
}

export function organisationName(organisationId: string): string {
  return findOrganisation(organisationId)?.name ?? 'de organisatie';
}

/** "Utrecht" for Gemeente Utrecht (a role reads "gemeentesecretaris van Utrecht"); other organisations by their full name. */
export function shortOrganisationName(organisationId: string): string {
  const organisation = findOrganisation(organisationId);
  if (organisation === undefined) return 'de organisatie';
  return organisation.kind === 'gemeente' ? organisation.name.replace(/^Gemeente /, '') : organisation.name;
}

export function levelTitle(report: IncidentReport): string {
  const level = BEHAVIOUR_LEVELS.find((l) => l.level === report.level);
  // "4 – …", not "4. …": a TextBlock would render "4." at the start as a numbered list.
  return `${report.level} – ${level?.title ?? ''}`.trim();
}

/** "30-11-2026 10:30" in Amsterdam: the compact form for lists (history, checklist, tasks). */
export function shortDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM }).toFormat('d-M-yyyy HH:mm');
}

export function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** The handler's desk as a phrase: "de gemeentesecretaris van Gemeente Utrecht". */
export function handlerDesk(c: Case): string {
  return `de ${lowerFirst(HANDLER_ROLE_LABELS[c.route.handler.role])} van ${organisationName(c.route.handler.organisationId)}`;
}

/** True when the step's requirements that the card cannot ask for are met; the rest (comment, measures, evaluation) come with the step. */

export function deadlineViewModel(c: Case, deadline: Deadline, now: Date): CaseDeadlineViewModel {
  const base = { label: DEADLINE_LABELS[deadline.kind], due: `Uiterlijk ${formatDutchDateTime(deadline.dueAt)}`, note: decreeDaysNote(deadline) ?? '' };
  const reached = c.goalReachedAt[deadline.kind];
  if (reached !== undefined) {
    const late = reached.getTime() > deadline.dueAt.getTime() ? ' (na de termijn)' : '';
    return { ...base, status: `✓ Gedaan op ${formatDutchDateTime(reached)}${late}`, overdue: false, color: 'Good' };
  }
  if (c.status === 'closed') {
    return { ...base, status: 'Niet vastgelegd voor het afsluiten', overdue: false, color: 'Default' };
  }
  const left = timeLeft(deadline.dueAt, now);
  return left.overdue
    ? { ...base, status: `⚠️ Te laat: ${left.text}`, overdue: true, color: 'Attention' }
    : { ...base, status: left.text, overdue: false, color: 'Default' };
}

export function deadlinesOf(c: Case, now: Date): CaseDeadlineViewModel[] {
  return c.deadlines.map((deadline) => deadlineViewModel(c, deadline, now));
}

/** The one calm line the office holder reads when a deadline has passed: a passed deadline is the handler's concern, never blame. */
export const REPORTER_PRIORITY_TEXT = 'Je melding krijgt voorrang.';

/** The office holder's deadlines: those still running or reached, never a red or "te laat" line, and whether any has passed. */
export interface ReporterDeadlines {
  deadlines: CaseDeadlineViewModel[];
  /** REPORTER_PRIORITY_TEXT when a deadline has passed unmet; '' otherwise. */
  priorityText: string;
}

/** Deadlines as the office holder sees them: a passed one is left off (the handler's card shows it in red) and replaced by one neutral line. */
export function reporterDeadlinesOf(c: Case, now: Date, kinds?: readonly Deadline['kind'][]): ReporterDeadlines {
  const chosen = kinds === undefined ? c.deadlines : c.deadlines.filter((d) => kinds.includes(d.kind));
  const views = chosen.map((deadline) => deadlineViewModel(c, deadline, now));
  const passed = views.some((view) => view.overdue);
  return {
    deadlines: views
      .filter((view) => !view.overdue)
      .map((view) => ({ ...view, status: view.status.replace(' (na de termijn)', ''), color: view.color === 'Attention' ? 'Default' : view.color })),
    priorityText: passed ? REPORTER_PRIORITY_TEXT : '',
  };
}

/** What the office holder agrees to is shown in full when shared (one form, one explanation), else up to this much per measure. */
export const OFFICE_HOLDER_MEASURE_LIMITS = { each: 600, shared: TEXT_LIMITS.medium } as const;

export function measureList(measures: readonly Measure[], limits: { readonly each: number; readonly shared: number }): MeasureListViewModel {
  const first = measures[0]?.description;
  const shared = measures.length > 1 && first !== undefined && measures.every((m) => m.description === first);
  return {
    measures: measures.map((measure) => ({
      label: MEASURE_KIND_LABELS[measure.kind],
      description: shared ? '' : toCardText(measure.description, limits.each),
      endsOn: measure.endsAt === undefined ? '' : `Tot en met ${formatDutchDate(measure.endsAt)}`,
    })),
    measuresNote: shared ? toCardText(first, limits.shared) : '',
  };
}

/** The office holder's comment when they sent the current proposal back; undefined otherwise. */
export function sentBackComment(c: Case): string | undefined {
  const last = c.measureHistory.at(-1);
  return c.status === 'inProgress' && last?.action === 'sentBack' ? (last.comment ?? '') : undefined;
}

/** User text in quotes, or '' when there is none. */
export function quoted(text: string | undefined, max: number): string {
  const shown = toCardText(text, max);
  return shown === '' ? '' : `"${shown}"`;
}

export function placeText(report: IncidentReport, limits: TextLimits): string {
  const place = report.place;
  if (place.mode === 'offline') return toCardText(place.location, limits.text);
  const detail = toCardText(place.detail, limits.text);
  return `Online: ${ONLINE_CHANNEL_LABELS[place.channel]}${detail === '' ? '' : ` (${detail})`}`;
}

export function capitalisedDesk(c: Case): string {
  const desk = handlerDesk(c);
  return `${desk.charAt(0).toUpperCase()}${desk.slice(1)}`;
}
