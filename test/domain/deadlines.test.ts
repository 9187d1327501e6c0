import {
  computeDeadlines,
  formatDutchDateTime,
  timeLeft,
  type Deadline,
  type DeadlineInput,
  type DeadlineKind,
} from '../../src/domain/deadlines';
import { WorkingDayCalendar } from '../../src/domain/working-days';

const HOUR = 60 * 60 * 1000;
const calendar = new WorkingDayCalendar();

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

describe('72-hour and 24-hour deadlines', () => {
  // Monday 30 November 2026, 14:15 CET.
  const incidentAt = new Date('2026-11-30T13:15:00Z');

  it('sets measures and the incidentgesprek 72 hours after the incident', () => {
    const list = deadlines({ incidentAt });
    expect(due(list, 'measures').dueAt).toEqual(new Date('2026-12-03T13:15:00Z'));
    expect(due(list, 'incidentMeeting').dueAt).toEqual(new Date('2026-12-03T13:15:00Z'));
    expect(list.every((d) => !d.overdueAtRegistration)).toBe(true);
  });

  it('warns the Arbeidsinspectie within 24 hours only for a serious incident', () => {
    expect(due(deadlines({ incidentAt, seriousIncident: true }), 'labourInspectorate').dueAt).toEqual(
      new Date('2026-12-01T13:15:00Z'),
    );
    expect(deadlines({ incidentAt }).map((d) => d.kind)).toEqual(['measures', 'incidentMeeting']);
  });

  it('orders the deadlines by due time', () => {
    const list = deadlines({
      incidentAt,
      seriousIncident: true,
      criminalOffenceSuspected: true,
      restrictiveMeasuresEndAt: new Date('2027-03-01T09:00:00Z'),
    });
    expect(list.map((d) => d.kind)).toEqual([
      'labourInspectorate', // Tue 1 Dec 14:15
      'policeAppointment', // Wed 2 Dec 17:00
      'measures', // Thu 3 Dec 14:15
      'incidentMeeting',
      'restorationMeeting', // Mon 1 Mar 2027
    ]);
    expect(due(list, 'restorationMeeting').dueAt).toEqual(new Date('2027-03-01T09:00:00Z'));
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
    const dueAt = due(deadlines({ incidentAt: start }), 'incidentMeeting').dueAt;
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

describe('a report that comes in late', () => {
  // Friday 20 November 2026, 11:00 CET.
  const incidentAt = new Date('2026-11-20T10:00:00Z');

  it('is overdue at once when 72 hours have passed, and the deadline is not moved', () => {
    const registeredAt = new Date('2026-11-24T10:00:00Z'); // 96 hours later
    const list = deadlines({ incidentAt, registeredAt, seriousIncident: true, criminalOffenceSuspected: true });
    expect(due(list, 'measures')).toEqual({ kind: 'measures', dueAt: new Date('2026-11-23T10:00:00Z'), overdueAtRegistration: true });
    expect(due(list, 'incidentMeeting').overdueAtRegistration).toBe(true);
    expect(due(list, 'labourInspectorate')).toEqual({
      kind: 'labourInspectorate',
      dueAt: new Date('2026-11-21T10:00:00Z'),
      overdueAtRegistration: true,
    });
    // The police deadline counts from registration, so it is never overdue at once.
    expect(due(list, 'policeAppointment').overdueAtRegistration).toBe(false);
  });

  it('is not overdue one minute before the 72 hours end', () => {
    const registeredAt = new Date(incidentAt.getTime() + 72 * HOUR - 60_000);
    expect(due(deadlines({ incidentAt, registeredAt }), 'measures').overdueAtRegistration).toBe(false);
  });

  it('flags a restorationMeeting date already past as overdue', () => {
    const list = deadlines({
      incidentAt,
      registeredAt: new Date('2026-11-24T10:00:00Z'),
      restrictiveMeasuresEndAt: new Date('2026-11-23T23:00:00Z'),
    });
    expect(due(list, 'restorationMeeting').overdueAtRegistration).toBe(true);
  });
});

describe('police appointment: 17:00 on the 2nd working day after registration', () => {
  const incidentAt = new Date('2026-01-05T08:00:00Z');

  it.each([
    ['2026-11-30T09:00:00Z', '2026-12-02T16:00:00Z', 'Monday 10:00 → Wednesday 17:00 CET'],
    ['2026-11-26T15:00:00Z', '2026-11-30T16:00:00Z', 'Thursday → over the weekend → Monday'],
    ['2026-11-27T20:30:00Z', '2026-12-01T16:00:00Z', 'Friday 21:30 CET → Tuesday'],
    ['2026-11-26T23:30:00Z', '2026-12-01T16:00:00Z', 'Thursday 23:30 UTC is Friday 00:30 in Amsterdam → Tuesday'],
    ['2026-11-28T11:00:00Z', '2026-12-01T16:00:00Z', 'Saturday → Tuesday'],
    ['2026-05-13T12:00:00Z', '2026-05-18T15:00:00Z', 'Wednesday before Hemelvaart (Thursday) → Monday 17:00 CEST'],
    ['2026-12-24T08:00:00Z', '2026-12-29T16:00:00Z', 'Thursday 24 December → over Christmas → Tuesday'],
    ['2026-04-27T10:00:00Z', '2026-04-29T15:00:00Z', 'on Koningsdag (Monday) → Wednesday'],
    ['2026-12-25T10:00:00Z', '2026-12-29T16:00:00Z', 'on Eerste Kerstdag (Friday) → Tuesday'],
    ['2026-04-02T10:00:00Z', '2026-04-07T15:00:00Z', 'Thursday before Easter: Goede Vrijdag counts → Tuesday'],
    ['2027-03-26T16:00:00Z', '2027-03-31T15:00:00Z', 'Goede Vrijdag 2027 itself → Wednesday (Tweede Paasdag skipped)'],
  ])('registered %s is due %s (%s)', (registeredAt, expected) => {
    const list = deadlines({ incidentAt, registeredAt: new Date(registeredAt), criminalOffenceSuspected: true });
    expect(due(list, 'policeAppointment').dueAt).toEqual(new Date(expected));
  });

  it('is absent when no criminal offence is suspected', () => {
    const list = deadlines({ incidentAt, registeredAt: new Date('2026-11-30T09:00:00Z') });
    expect(list.some((d) => d.kind === 'policeAppointment')).toBe(false);
  });

  it('uses a fresh calendar when none is given', () => {
    const list = computeDeadlines({
      incidentAt,
      registeredAt: new Date('2026-11-27T20:30:00Z'),
      criminalOffenceSuspected: true,
      seriousIncident: false,
    });
    expect(due(list, 'policeAppointment').dueAt).toEqual(new Date('2026-12-01T16:00:00Z'));
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
