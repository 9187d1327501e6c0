import type { Case } from '../domain/case-model';
import { DEADLINE_LABELS, type DeadlineKind } from '../domain/deadlines';
import { findOrganisation } from '../domain/organisations';
import { caseDeadlines, openTopics, type ReminderDeadline, type ReminderSubject } from '../domain/reminders';
import { HANDLER_ROLE_LABELS } from '../domain/roles';
import { supportLinesFor } from '../domain/support-lines';
import { formatDutchDateTime, timeLeft } from './dates.copy';
import { decreeDaysNote } from './deadlines.copy';

/** The Dutch of the reminders (src/domain/reminders.ts decides when and to whom): the handler's, the escalation, the week's check-in. */

/** Extra facts for a reminder's text that the case does not hold. */
export interface ReminderTextContext {
  /** Sent noticeably later than planned (the bot was down): the text says so. */
  readonly late?: boolean;
  /** Name of whoever receives the escalation, for the handler's overdue notice. */
  readonly escalationContactName?: string;
}

function deadlineAtOf(reminder: ReminderSubject, c: Case): Date | undefined {
  const current = caseDeadlines(c).find((d) => d.kind === reminder.topic);
  return current?.dueAt ?? reminder.deadlineAt;
}

function bulletList(items: readonly string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}

/** What to add about the deadlines shown: already past when set (`whenSet`), counted without a year's decree days (`counting`). */
function deadlineNotes(c: Case, shown: readonly DeadlineKind[]): { whenSet: string[]; counting: string[] } {
  const deadlines = caseDeadlines(c).filter((d) => shown.includes(d.kind));
  const atRegistration = (d: ReminderDeadline) => d.setAt.getTime() === c.registeredAt.getTime();
  const whenSet: string[] = [];
  if (deadlines.some((d) => d.overdueWhenSet && atRegistration(d))) whenSet.push('De termijn was al verstreken toen de melding binnenkwam.');
  if (deadlines.some((d) => d.overdueWhenSet && !atRegistration(d))) whenSet.push('De termijn was al verstreken toen deze maatregel werd voorgesteld.');
  const counting = deadlines.map((d) => decreeDaysNote(d)).filter((note): note is string => note !== undefined);
  return { whenSet, counting };
}

/** The Dutch text of a reminder: what is due, by when, and which case (case number). */
export function reminderText(reminder: ReminderSubject, c: Case, now: Date, context: ReminderTextContext = {}): string {
  const lines: string[] = [];
  if (reminder.kind === 'aftercareCheckIn') {
    lines.push(
      'Hoe gaat het met je?',
      `Een week geleden meldde je een incident (zaak ${c.caseNumber}). We willen graag weten hoe het nu met je gaat. Je hoeft niets met dit bericht te doen.`,
      'Wil je praten of zoek je steun, dan kun je hier terecht:',
      bulletList(supportLinesFor(c.officeHolder.role).map((line) => `${line.name}${line.phone ? `: ${line.phone}` : ''} — ${line.description}`)),
      'Heb je vragen over je melding of wensen voor nazorg? Neem contact op met de afhandelaar van je organisatie.',
    );
  } else {
    const topics = openTopics(reminder, c);
    const shown = topics.length > 0 ? topics : reminder.topics;
    const labels = shown.map((kind) => DEADLINE_LABELS[kind]);
    const deadlineAt = deadlineAtOf(reminder, c);
    const by = deadlineAt === undefined ? 'zo snel mogelijk' : `uiterlijk ${formatDutchDateTime(deadlineAt)}`;
    const left = deadlineAt === undefined ? undefined : timeLeft(deadlineAt, now).text;
    const notes = deadlineNotes(c, shown);
    switch (reminder.kind) {
      case 'overdue':
        lines.push(
          `Termijn verlopen — zaak ${c.caseNumber}`,
          `Dit had ${by} gedaan moeten zijn${left ? ` (${left})` : ''}:`,
          bulletList(labels),
          ...notes.whenSet,
          ...notes.counting,
          `Dit is ook gemeld aan ${context.escalationContactName ?? 'de provinciale coördinator VPT'}. Leg in de zaak vast wat er is gedaan.`,
        );
        break;
      case 'escalation': {
        const organisation = findOrganisation(c.organisationId)?.name ?? c.organisationId;
        lines.push(
          `Escalatie: termijn verlopen — zaak ${c.caseNumber}`,
          `In deze zaak is niet vastgelegd dat het volgende ${by} is gedaan${left ? ` (${left})` : ''}:`,
          bulletList(labels),
          ...notes.whenSet,
          ...notes.counting,
          `Organisatie: ${organisation}. Afhandelaar: ${HANDLER_ROLE_LABELS[c.route.handler.role]}.`,
          'Neem contact op met de afhandelaar om te bespreken wat er nodig is.',
        );
        break;
      }
      default:
        lines.push(
          `Herinnering — zaak ${c.caseNumber}`,
          `Dit moet ${by} gebeuren${left ? ` (${left})` : ''}:`,
          bulletList(labels),
          ...notes.counting,
          'Leg in de zaak vast wanneer het is gedaan; dan stoppen de herinneringen.',
        );
    }
  }
  if (context.late) {
    lines.push(`Dit bericht komt later dan gepland: het had ${formatDutchDateTime(reminder.sendAt)} verstuurd moeten worden.`);
  }
  return lines.join('\n');
}
