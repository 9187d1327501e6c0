import { DEADLINE_LABELS } from '../domain/deadlines';
import { startsAfterDeadline, type AttendeeRole, type MeetingPlan } from '../domain/meetings';
import type { Deadline } from '../domain/deadlines';
import { formatDutchDateTime } from './dates.copy';

/** The Dutch around planning a meeting with the perpetrator: attendee roles, the late warning, the cancellation. */

export const ATTENDEE_ROLE_LABELS: Readonly<Record<AttendeeRole, string>> = {
  handler: 'Afhandelaar',
  officeHolder: 'Betrokkene',
  coordinator: 'Coördinator VPT',
  other: 'Overige deelnemer',
};

/** The note sent to attendees with a cancellation: as neutral as the subject. */
export const MEETING_CANCELLED_COMMENT = 'Dit gesprek gaat niet door.';

/** Dutch warning when the meeting starts after its deadline; undefined when it is on time or there is no deadline. */
export function afterDeadlineWarning(plan: Pick<MeetingPlan, 'startsAt'>, deadline: Deadline | undefined): string | undefined {
  if (!startsAfterDeadline(plan, deadline)) {
    return undefined;
  }
  const due = formatDutchDateTime(deadline.dueAt);
  if (deadline.kind === 'incidentMeeting') {
    return `Let op: dit tijdstip valt na de termijn van 72 uur na het incident (${due}). Het gesprek kan wel worden gepland; de handreiking vraagt het idealiter binnen 72 uur te voeren.`;
  }
  return `Let op: dit tijdstip valt na de termijn "${DEADLINE_LABELS[deadline.kind]}" (${due}). Het gesprek kan wel worden gepland.`;
}
