import {
  computeDeadlines,
  deadlineSetAt,
  incidentMeetingDeadline,
  restorationMeetingDeadline,
  sortDeadlines,
  type Deadline,
  type DeadlineInput,
  type DeadlineKind,
} from '../../src/domain/deadlines';
import { decreeDaysNote } from '../../src/copy/deadlines.copy';
import { formatDutchDateTime, timeLeft } from '../../src/copy/dates.copy';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';

const HOUR = 60 * 60 * 1000;
const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);

function deadlines(input: Partial<DeadlineInput> & Pick<DeadlineInput, 'incidentAt'>): Deadline[] {
  return computeDeadlines(
    { registeredAt: input.incidentAt, criminalOffenceSuspected: false, seriousIncident: false, ...input },
    calendar,
  );
}

function due(list: Deadline[], kind: DeadlineKind): Deadline {
  const found = list.find((d) => d.kind === kind);
  if (found === undefined) {
    throw new Error(`no ${kind} deadline`);
  }
  return found;
}

describe('deadlines of a new case', () => {
  // Monday 30 November 2026, 14:15 CET.
  const incidentAt = new Date('2026-11-30T13:15:00Z');

  it('sets the measures 72 hours after the incident ("De maatregelen worden bij voorkeur binnen 72 uur na het incident getroffen")', () => {
    const list = deadlines({ incidentAt });
    expect(due(list, 'measures')).toEqual({ kind: 'measures', dueAt: new Date('2026-12-03T13:15:00Z'), setAt: incidentAt, overdueWhenSet: false });
  });

  it('gives no case an incidentgesprek or herstelgesprek deadline at registration: those come with the measures that call for them', () => {
    const list = deadlines({ incidentAt, seriousIncident: true, criminalOffenceSuspected: true });
    expect(list.map((d) => d.kind)).not.toContain('incidentMeeting');
    expect(list.map((d) => d.kind)).not.toContain('restorationMeeting');
  });

  it('warns the Arbeidsinspectie within 24 hours only for a serious incident', () => {
    expect(due(deadlines({ incidentAt, seriousIncident: true }), 'labourInspectorate').dueAt).toEqual(new Date('2026-12-01T13:15:00Z'));
    expect(deadlines({ incidentAt }).map((d) => d.kind)).toEqual(['measures']);
  });

  it('orders the deadlines by due time', () => {
    const list = deadlines({ incidentAt, seriousIncident: true, criminalOffenceSuspected: true });
    expect(list.map((d) => d.kind)).toEqual([
      'labourInspectorate', // Tue 1 Dec 14:15
      'policeAppointment', // Wed 2 Dec 17:00
      'measures', // Thu 3 Dec 14:15
    ]);
  });

  it('sorts deadlines of the same moment in the fixed kind order', () => {
    const dueAt = new Date('2026-12-03T13:15:00Z');
    const sorted = sortDeadlines([incidentMeetingDeadline(incidentAt, incidentAt), deadlineSetAt('measures', dueAt, incidentAt)]);
    expect(sorted.map((d) => d.kind)).toEqual(['measures', 'incidentMeeting']);
  });

  it('counts 72 real hours across the start of summer time (Sunday 29 March 2026)', () => {
    // Friday 27 March 2026, 10:00 CET; the clock jumps 02:00 → 03:00 on Sunday.
    const start = new Date('2026-03-27T09:00:00Z');
    const dueAt = due(deadlines({ incidentAt: start }), 'measures').dueAt;
    expect(dueAt.getTime() - start.getTime()).toBe(72 * HOUR);
    expect(formatDutchDateTime(dueAt)).toBe('maandag 30 maart 2026 om 11:00');
  });

  it('counts 72 real hours across the end of summer time (Sunday 25 October 2026)', () => {
    // Friday 23 October 2026, 10:00 CEST; the clock goes back 03:00 → 02:00 on Sunday.
    const start = new Date('2026-10-23T08:00:00Z');
    const dueAt = incidentMeetingDeadline(start, start).dueAt;
    expect(dueAt.getTime() - start.getTime()).toBe(72 * HOUR);
    expect(formatDutchDateTime(dueAt)).toBe('maandag 26 oktober 2026 om 09:00');
  });

  it('counts 24 real hours across a DST change', () => {
    // Saturday 28 March 2026, 12:00 CET → Sunday 13:00 CEST.
    const start = new Date('2026-03-28T11:00:00Z');
    const dueAt = due(deadlines({ incidentAt: start, seriousIncident: true }), 'labourInspectorate').dueAt;
    expect(formatDutchDateTime(dueAt)).toBe('zondag 29 maart 2026 om 13:00');
  });
});

describe('deadlines set by a proposal of measures', () => {
  // Friday 20 November 2026, 11:00 CET.
  const incidentAt = new Date('2026-11-20T10:00:00Z');

  it('the incidentgesprek: 72 hours after the incident, whenever it is proposed ("Met de pleger volgt idealiter binnen 72 uur na het incident een incidentgesprek")', () => {
    const proposedAt = new Date('2026-11-21T09:00:00Z');
    expect(incidentMeetingDeadline(incidentAt, proposedAt)).toEqual({ kind: 'incidentMeeting', dueAt: new Date('2026-11-23T10:00:00Z'), setAt: proposedAt, overdueWhenSet: false });
  });

  it('a late proposal of the incidentgesprek is overdue at once, and the deadline is not moved', () => {
    const proposedAt = new Date('2026-11-24T10:00:00Z'); // 96 hours after the incident
    expect(incidentMeetingDeadline(incidentAt, proposedAt)).toEqual({ kind: 'incidentMeeting', dueAt: new Date('2026-11-23T10:00:00Z'), setAt: proposedAt, overdueWhenSet: true });
  });

  it('the herstelgesprek: due when the restrictive measures end', () => {
    const proposedAt = new Date('2026-11-21T09:00:00Z');
    expect(restorationMeetingDeadline(new Date('2027-03-01T09:00:00Z'), proposedAt)).toEqual({
      kind: 'restorationMeeting',
      dueAt: new Date('2027-03-01T09:00:00Z'),
      setAt: proposedAt,
      overdueWhenSet: false,
    });
  });
});

describe('a report that comes in late', () => {
  // Friday 20 November 2026, 11:00 CET.
  const incidentAt = new Date('2026-11-20T10:00:00Z');

  it('is overdue at once when 72 hours have passed, and the deadline is not moved', () => {
    const registeredAt = new Date('2026-11-24T10:00:00Z'); // 96 hours later
    const list = deadlines({ incidentAt, registeredAt, seriousIncident: true, criminalOffenceSuspected: true });
    expect(due(list, 'measures')).toEqual({ kind: 'measures', dueAt: new Date('2026-11-23T10:00:00Z'), setAt: registeredAt, overdueWhenSet: true });
    expect(due(list, 'labourInspectorate')).toEqual({ kind: 'labourInspectorate', dueAt: new Date('2026-11-21T10:00:00Z'), setAt: registeredAt, overdueWhenSet: true });
    // The police deadline counts from registration, so it is never overdue at once.
    expect(due(list, 'policeAppointment').overdueWhenSet).toBe(false);
  });

  it('is not overdue one minute before the 72 hours end', () => {
    const registeredAt = new Date(incidentAt.getTime() + 72 * HOUR - 60_000);
    expect(due(deadlines({ incidentAt, registeredAt }), 'measures').overdueWhenSet).toBe(false);
  });
});

describe('police appointment: 17:00 on the 2nd working day after the day the suspicion is registered', () => {
  const incidentAt = new Date('2026-01-05T08:00:00Z');
  const policeDue = (registeredAt: string) => due(deadlines({ incidentAt, registeredAt: new Date(registeredAt), criminalOffenceSuspected: true }), 'policeAppointment');

  // Registered (Amsterdam time, weekday) → due (17:00 Amsterdam, weekday): the days of art. 3 Atw on the way.
  it.each([
    ['2026-11-30T09:00:00Z', '2026-12-02T16:00:00Z', 'Monday 10:00 → Wednesday 17:00 CET: no holiday'],
    ['2026-11-26T15:00:00Z', '2026-11-30T16:00:00Z', 'Thursday → Friday, weekend → Monday'],
    ['2026-11-27T20:30:00Z', '2026-12-01T16:00:00Z', 'Friday 21:30 CET → Tuesday'],
    ['2026-11-26T23:30:00Z', '2026-12-01T16:00:00Z', 'Thursday 23:30 UTC is Friday 00:30 in Amsterdam → Tuesday'],
    ['2026-11-28T11:00:00Z', '2026-12-01T16:00:00Z', 'Saturday → Tuesday'],
    // Easter: Goede Vrijdag (lid 2) and Tweede Paasdag (lid 1).
    ['2026-04-01T08:00:00Z', '2026-04-07T15:00:00Z', 'Wednesday 1 April 2026 → Thursday, Goede Vrijdag (lid 2), Tweede Paasdag (lid 1) → Tuesday 7 April'],
    ['2026-04-02T10:00:00Z', '2026-04-08T15:00:00Z', 'Witte Donderdag 2026 → Goede Vrijdag (lid 2) and Tweede Paasdag (lid 1) skipped → Wednesday 8 April'],
    ['2027-03-26T16:00:00Z', '2027-03-31T15:00:00Z', 'on Goede Vrijdag 2027 (lid 2) → Tweede Paasdag (lid 1) skipped → Wednesday 31 March'],
    ['2025-04-17T07:00:00Z', '2025-04-23T15:00:00Z', 'Witte Donderdag 2025 → Goede Vrijdag (lid 2), Tweede Paasdag (lid 1) → Wednesday 23 April'],
    ['2028-04-13T07:00:00Z', '2028-04-19T15:00:00Z', 'Witte Donderdag 2028 → Goede Vrijdag (lid 2), Tweede Paasdag (lid 1) → Wednesday 19 April'],
    // Hemelvaart (lid 1) and the decree Friday after it (lid 3).
    ['2025-05-28T08:00:00Z', '2025-06-03T15:00:00Z', 'Wednesday 28 May 2025 → Hemelvaart (lid 1), Friday 30 May (lid 3) → Tuesday 3 June'],
    ['2026-05-13T12:00:00Z', '2026-05-19T15:00:00Z', 'Wednesday 13 May 2026 → Hemelvaart (lid 1), Friday 15 May (lid 3) → Tuesday 19 May'],
    ['2027-05-05T08:00:00Z', '2027-05-11T15:00:00Z', 'on 5 mei 2027 (Wednesday, lid 1) → Hemelvaart (lid 1), Friday 7 May (lid 3) → Tuesday 11 May'],
    ['2028-05-24T08:00:00Z', '2028-05-30T15:00:00Z', 'Wednesday 24 May 2028 → Hemelvaart (lid 1), Friday 26 May (lid 3) → Tuesday 30 May'],
    // Koningsdag (lid 1), with the decree Friday after it in 2028 (lid 3), and 5 mei (lid 1).
    ['2026-04-24T10:00:00Z', '2026-04-29T15:00:00Z', 'Friday before Koningsdag 2026 (Monday, lid 1) → Wednesday 29 April'],
    ['2026-04-27T10:00:00Z', '2026-04-29T15:00:00Z', 'on Koningsdag 2026 (Monday, lid 1) → Wednesday'],
    ['2028-04-26T08:00:00Z', '2028-05-02T15:00:00Z', 'Wednesday 26 April 2028 → Koningsdag (lid 1), Friday 28 April (lid 3) → Tuesday 2 May'],
    ['2026-05-01T08:00:00Z', '2026-05-06T15:00:00Z', 'Friday 1 May 2026 → Monday, 5 mei (Tuesday, lid 1) → Wednesday 6 May'],
    ['2028-05-03T08:00:00Z', '2028-05-08T15:00:00Z', 'Wednesday 3 May 2028 → Thursday, 5 mei (Friday, lid 1) → Monday 8 May'],
    // Pinksteren: Tweede Pinksterdag (lid 1).
    ['2028-06-02T08:00:00Z', '2028-06-07T15:00:00Z', 'Friday 2 June 2028 → Tweede Pinksterdag (lid 1) → Wednesday 7 June'],
    // Christmas and New Year (lid 1), with 2 January 2026 (lid 3).
    ['2026-12-24T08:00:00Z', '2026-12-29T16:00:00Z', 'Thursday 24 December 2026 → Christmas (lid 1), weekend → Tuesday 29 December'],
    ['2026-12-25T10:00:00Z', '2026-12-29T16:00:00Z', 'on Eerste Kerstdag 2026 (Friday, lid 1) → Tuesday'],
    ['2028-12-22T08:00:00Z', '2028-12-28T16:00:00Z', 'Friday 22 December 2028 → both Kerstdagen (Monday, Tuesday, lid 1) → Thursday 28 December'],
    ['2025-12-31T08:00:00Z', '2026-01-06T16:00:00Z', 'Oudejaarsdag 2025 (Wednesday) → Nieuwjaarsdag (lid 1), Friday 2 January (lid 3) → Tuesday 6 January'],
    ['2027-12-31T08:00:00Z', '2028-01-04T16:00:00Z', 'Friday 31 December 2027 → Nieuwjaarsdag on a Saturday → Tuesday 4 January'],
  ])('registered %s is due %s (%s)', (registeredAt, expected) => {
    const deadline = policeDue(registeredAt);
    expect(deadline.dueAt).toEqual(new Date(expected));
    expect(deadline.decreeDaysUnknownFor).toBeUndefined();
  });

  it('is absent when no criminal offence is suspected', () => {
    const list = deadlines({ incidentAt, registeredAt: new Date('2026-11-30T09:00:00Z') });
    expect(list.some((d) => d.kind === 'policeAppointment')).toBe(false);
  });
});

describe('police appointment in a year no configured decree covers', () => {
  const incidentAt = new Date('2028-12-27T08:00:00Z');
  const policeDue = (registeredAt: string, withCalendar = calendar) =>
    computeDeadlines({ incidentAt, registeredAt: new Date(registeredAt), criminalOffenceSuspected: true, seriousIncident: false }, withCalendar).find(
      (d) => d.kind === 'policeAppointment',
    );

  it('stays unmarked when every day counted lies in a covered year (Wednesday 27 → Friday 29 December 2028)', () => {
    expect(policeDue('2028-12-27T09:00:00Z')).toEqual({ kind: 'policeAppointment', dueAt: new Date('2028-12-29T16:00:00Z'), setAt: new Date('2028-12-27T09:00:00Z'), overdueWhenSet: false });
  });

  it('is computed without decree days and marked with the year when the count enters 2029 (Thursday 28 December 2028 → Tuesday 2 January 2029)', () => {
    const deadline = policeDue('2028-12-28T09:00:00Z');
    expect(deadline?.dueAt).toEqual(new Date('2029-01-02T16:00:00Z'));
    expect(deadline?.decreeDaysUnknownFor).toEqual([2029]);
    expect(decreeDaysNote(deadline!)).toBe(
      'Voor 2029 zijn de bij besluit gelijkgestelde feestdagen (zoals de vrijdag na Hemelvaart) nog niet bekend. Deze termijn is zonder die dagen berekend en valt daardoor misschien een werkdag te vroeg.',
    );
  });

  it('counts the Friday after Hemelvaart 2029 as a working day and says so (Wednesday 9 May → Monday 14 May 2029)', () => {
    const deadline = policeDue('2029-05-09T08:00:00Z');
    expect(deadline?.dueAt).toEqual(new Date('2029-05-14T15:00:00Z'));
    expect(deadline?.decreeDaysUnknownFor).toEqual([2029]);
  });

  it('is no longer marked once a decree for 2029 is configured', () => {
    const configured = new WorkingDayCalendar({ decrees: [...SHIPPED_DECREE_DAYS.decrees, { from: 2029, to: 2031, days: ['2029-05-11'] }] });
    const deadline = policeDue('2029-05-09T08:00:00Z', configured);
    expect(deadline?.dueAt).toEqual(new Date('2029-05-15T15:00:00Z')); // Tuesday
    expect(deadline?.decreeDaysUnknownFor).toBeUndefined();
  });

  it('names every unknown year in the note', () => {
    expect(decreeDaysNote({ decreeDaysUnknownFor: [2029, 2030] })).toMatch(/^Voor 2029 en 2030 zijn/);
    expect(decreeDaysNote({})).toBeUndefined();
  });
});

describe('timeLeft', () => {
  const dueAt = new Date('2026-11-30T16:00:00Z'); // Monday 17:00 CET
  const before = (ms: number) => new Date(dueAt.getTime() - ms);
  const MINUTE = 60_000;

  it.each([
    [2 * HOUR, 'nog 2 uur'],
    [2 * HOUR + 15 * MINUTE, 'nog 2 uur en 15 minuten'],
    [HOUR + MINUTE, 'nog 1 uur en 1 minuut'],
    [27 * HOUR, 'nog 1 dag en 3 uur'],
    [27 * HOUR + 59 * MINUTE, 'nog 1 dag en 3 uur'],
    [48 * HOUR, 'nog 2 dagen'],
    [45 * MINUTE, 'nog 45 minuten'],
    [MINUTE, 'nog 1 minuut'],
    [30_000, 'nog minder dan een minuut'],
    [0, 'nog minder dan een minuut'],
  ])('%i ms before the deadline reads "%s"', (ms, text) => {
    expect(timeLeft(dueAt, before(ms))).toEqual({ overdue: false, text });
  });

  it.each([
    [1, 'minder dan een minuut te laat'],
    [3 * HOUR, '3 uur te laat'],
    [25 * HOUR, '1 dag en 1 uur te laat'],
    [6 * 24 * HOUR, '6 dagen te laat'],
    [10 * 24 * HOUR, 'verlopen sinds maandag 30 november 2026 om 17:00'],
  ])('%i ms after the deadline reads "%s"', (ms, text) => {
    expect(timeLeft(dueAt, before(-ms))).toEqual({ overdue: true, text });
  });
});

describe('formatDutchDateTime', () => {
  it('shows Amsterdam time in Dutch, in winter and in summer', () => {
    expect(formatDutchDateTime(new Date('2026-11-30T16:00:00Z'))).toBe('maandag 30 november 2026 om 17:00');
    expect(formatDutchDateTime(new Date('2026-07-01T15:00:00Z'))).toBe('woensdag 1 juli 2026 om 17:00');
  });
});
