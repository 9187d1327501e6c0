import type { Deadline } from '../../src/domain/deadlines';
import { DomainError } from '../../src/domain/errors';
import {
  cancelMeeting,
  meetingDeadline,
  meetingEnd,
  meetingTransactionId,
  neutralSubject,
  planMeeting,
  proposeSlots,
  rescheduleMeeting,
  toAmsterdamLocal,
  withEventId,
  type MeetingInput,
  type MeetingPlan,
  type MeetingResult,
  type TimeInterval,
} from '../../src/domain/meetings';
import { afterDeadlineWarning, meetingIssueMessage } from '../../src/copy/meetings.copy';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');

const handler = { name: 'Anna de Vries', email: 'a.devries@utrecht.nl', role: 'handler' as const };
const officeHolder = { name: 'Wethouder Bakker', email: 'j.bakker@utrecht.nl', role: 'officeHolder' as const };
const perpetrator = { email: 'burger@example.org', role: 'other' as const };

/** Card data is untrusted: overrides may hold anything an Adaptive Card could submit. */
type CardData = { [K in keyof MeetingInput]?: unknown };

function input(overrides: CardData = {}): CardData {
  return {
    kind: 'incidentMeeting',
    date: '2026-12-01', // Tuesday
    time: '10:00',
    durationMinutes: 60,
    online: false,
    location: 'Stadhuis, kamer 2.14',
    attendees: [handler, officeHolder, perpetrator],
    ...overrides,
  };
}

function plan(overrides: CardData = {}): MeetingPlan {
  const result = planMeeting(input(overrides), { id: 'm-1', now: NOW, calendar: 'graph' });
  if (!result.ok) {
    throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  }
  return result.plan;
}

/** The issues as the handler reads them: the domain's codes, worded by src/copy/meetings.copy.ts. */
function worded(result: MeetingResult): { ok: boolean; issues?: { field: string; message: string }[] } {
  return result.ok ? { ok: true } : { ok: false, issues: result.issues.map(meetingIssueMessage) };
}

function issues(value: unknown): { field: string; message: string }[] {
  return worded(planMeeting(value, { id: 'm-1', now: NOW, calendar: 'graph' })).issues ?? [];
}

function at(iso: string): Date {
  return new Date(iso);
}

function starts(slots: TimeInterval[]): string[] {
  return slots.map((slot) => slot.start.toISOString());
}

describe('planning a meeting from the card', () => {
  it('reads the date and time as Amsterdam time and stores UTC', () => {
    expect(plan().startsAt).toEqual(at('2026-12-01T09:00:00Z')); // CET, UTC+1
    expect(plan({ date: '2027-06-01', time: '10:00' }).startsAt).toEqual(at('2027-06-01T08:00:00Z')); // CEST, UTC+2
    expect(meetingEnd(plan())).toEqual(at('2026-12-01T10:00:00Z'));
  });

  it('records the plan as planned, revision 0, on the chosen calendar, with the attendees as given', () => {
    const result = planMeeting(input(), { id: 'm-7', now: NOW, calendar: 'ics' });
    expect(result).toEqual({
      ok: true,
      plan: {
        id: 'm-7',
        kind: 'incidentMeeting',
        startsAt: at('2026-12-01T09:00:00Z'),
        durationMinutes: 60,
        venue: { type: 'location', location: 'Stadhuis, kamer 2.14' },
        attendees: [handler, officeHolder, perpetrator],
        status: 'planned',
        calendar: 'ics',
        revision: 0,
      },
    });
  });

  it('understands the toggle and number strings an Adaptive Card submits', () => {
    const online = plan({ online: 'true', location: undefined, durationMinutes: '45' });
    expect(online.venue).toEqual({ type: 'online' });
    expect(online.durationMinutes).toBe(45);
    expect(plan({ online: 'false' }).venue).toEqual({ type: 'location', location: 'Stadhuis, kamer 2.14' });
  });

  it.each([
    ['a time in the past', { date: '2026-11-30', time: '09:30' }, 'date', 'Een gesprek kan niet in het verleden worden gepland.'],
    ['14 minutes', { durationMinutes: 14 }, 'durationMinutes', 'Een gesprek duurt minimaal 15 minuten.'],
    ['241 minutes', { durationMinutes: 241 }, 'durationMinutes', 'Een gesprek duurt maximaal 240 minuten (4 uur).'],
    ['no location for a meeting in a room', { location: '  ' }, 'location', 'Vul een locatie in, of kies voor een online gesprek.'],
    ['30 February', { date: '2026-02-30' }, 'date', 'Deze datum bestaat niet.'],
    // Sunday 28 March 2027: clocks go from 02:00 to 03:00.
    ['02:30 on the night summer time starts', { date: '2027-03-28', time: '02:30' }, 'time', 'Dit tijdstip bestaat niet op deze dag (overgang naar zomertijd).'],
    ['a time without minutes', { time: '10' }, 'time', 'Vul een geldige tijd in (uu:mm).'],
    ['an unknown kind', { kind: 'coffee' }, 'kind', 'Kies het soort gesprek.'],
  ])('refuses %s with a Dutch message on the field', (_label, overrides, field, message) => {
    expect(issues(input(overrides))).toEqual([{ field, message }]);
  });

  it('names each problem by a code (the copy words it) and input no card sends as invalid', () => {
    const result = planMeeting(input({ durationMinutes: 14 }), { id: 'm-1', now: NOW, calendar: 'graph' });
    expect(result).toEqual({ ok: false, issues: [{ field: 'durationMinutes', code: 'durationTooShort' }] });
    expect(worded(planMeeting(null, { id: 'm-1', now: NOW, calendar: 'graph' }))).toEqual({
      ok: false,
      issues: [{ field: 'meeting', message: 'Controleer de gegevens van het gesprek.' }],
    });
  });

  it('accepts exactly 15 and 240 minutes, and a meeting starting right now', () => {
    expect(plan({ durationMinutes: 15 }).durationMinutes).toBe(15);
    expect(plan({ durationMinutes: 240 }).durationMinutes).toBe(240);
    expect(plan({ date: '2026-11-30', time: '10:00' }).startsAt).toEqual(NOW);
  });

  it('checks every e-mail address and names the attendee it belongs to', () => {
    const found = issues(input({ attendees: [handler, { email: 'geen-adres', role: 'other' }] }));
    expect(found).toEqual([{ field: 'attendees.1.email', message: 'Dit is geen geldig e-mailadres.' }]);
  });

  it('refuses the same person twice, whatever the capitals', () => {
    const found = issues(input({ attendees: [handler, { email: 'A.DeVries@Utrecht.nl', role: 'coordinator' }] }));
    expect(found).toEqual([{ field: 'attendees.1.email', message: 'Dit e-mailadres staat al in de lijst.' }]);
  });

  it('allows 20 attendees and refuses 21', () => {
    const others = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `deelnemer${i}@example.org`, role: 'other' as const }));
    expect(plan({ attendees: [handler, ...others(19)] }).attendees).toHaveLength(20);
    expect(issues(input({ attendees: [handler, ...others(20)] }))).toEqual([{ field: 'attendees', message: 'Nodig maximaal 20 deelnemers uit.' }]);
  });

  it('requires the handler among the attendees', () => {
    expect(issues(input({ attendees: [officeHolder, perpetrator] }))).toEqual([
      { field: 'attendees', message: 'De afhandelaar moet bij het gesprek zijn.' },
    ]);
  });

  it('reports all problems at once, so the handler fixes the card in one go', () => {
    const found = issues(input({ durationMinutes: 5, attendees: [handler, { email: 'x', role: 'other' }], location: '' }));
    expect(found.map((issue) => issue.field).sort()).toEqual(['attendees.1.email', 'durationMinutes', 'location']);
  });

  it('drops an empty attendee name instead of inviting "" ', () => {
    expect(plan({ attendees: [{ ...handler, name: '  ' }] }).attendees).toEqual([{ email: handler.email, role: 'handler' }]);
  });
});

describe('rescheduling and cancelling', () => {
  it('moves the meeting, keeps its id and calendar event, and raises the revision', () => {
    const booked = withEventId(plan(), 'AAMk-event-1');
    const result = rescheduleMeeting(booked, input({ date: '2026-12-02', time: '14:30', online: true }), NOW);
    expect(result.ok && result.plan).toMatchObject({
      id: 'm-1',
      eventId: 'AAMk-event-1',
      startsAt: at('2026-12-02T13:30:00Z'),
      venue: { type: 'online' },
      revision: 1,
      status: 'planned',
    });
  });

  it('validates a new time like a new plan', () => {
    const result = worded(rescheduleMeeting(plan(), input({ date: '2026-11-29' }), NOW));
    expect(result).toEqual({ ok: false, issues: [{ field: 'date', message: 'Een gesprek kan niet in het verleden worden gepland.' }] });
  });

  it('cancels once; cancelling again changes nothing; a cancelled meeting cannot be moved', () => {
    const cancelled = cancelMeeting(plan());
    expect(cancelled).toMatchObject({ status: 'cancelled', revision: 1 });
    expect(cancelMeeting(cancelled)).toBe(cancelled);
    expect(worded(rescheduleMeeting(cancelled, input(), NOW))).toEqual({
      ok: false,
      issues: [{ field: 'meeting', message: 'Dit gesprek is geannuleerd; plan een nieuw gesprek.' }],
    });
  });
});

describe('what the invitation reveals', () => {
  it('uses only the case number as subject', () => {
    expect(neutralSubject('WB-2026-00042')).toBe('Gesprek WB-2026-00042');
  });

  it('refuses anything that is not a case number, so no free text reaches a subject', () => {
    expect(() => neutralSubject('Bedreiging wethouder Bakker')).toThrow(DomainError);
  });

  it('gives one transaction id per meeting, the same on every retry', () => {
    expect(meetingTransactionId(plan())).toBe(meetingTransactionId(plan()));
    expect(meetingTransactionId({ id: 'm-2' })).not.toBe(meetingTransactionId({ id: 'm-1' }));
  });
});

describe('the 72-hour deadline', () => {
  // Incident Monday 30 November 2026 14:15 CET: incidentgesprek ideally by Thursday 3 December 14:15.
  const incidentDeadline: Deadline = { kind: 'incidentMeeting', dueAt: at('2026-12-03T13:15:00Z'), setAt: at('2026-11-30T15:00:00Z'), overdueWhenSet: false };
  const restorationDeadline: Deadline = { kind: 'restorationMeeting', dueAt: at('2027-03-01T09:00:00Z'), setAt: at('2026-11-30T15:00:00Z'), overdueWhenSet: false };

  it('says nothing when the meeting starts before or exactly at the deadline', () => {
    expect(afterDeadlineWarning({ startsAt: at('2026-12-03T09:00:00Z') }, incidentDeadline)).toBeUndefined();
    expect(afterDeadlineWarning({ startsAt: incidentDeadline.dueAt }, incidentDeadline)).toBeUndefined();
    expect(afterDeadlineWarning({ startsAt: at('2026-12-10T09:00:00Z') }, undefined)).toBeUndefined();
  });

  it('warns, in Dutch and with the deadline, when the meeting starts later, but does not refuse it', () => {
    expect(afterDeadlineWarning({ startsAt: at('2026-12-04T09:00:00Z') }, incidentDeadline)).toBe(
      'Let op: dit tijdstip valt na de termijn van 72 uur na het incident (donderdag 3 december 2026 om 14:15). ' +
        'Het gesprek kan wel worden gepland; de handreiking vraagt het idealiter binnen 72 uur te voeren.',
    );
    expect(plan({ date: '2026-12-04' }).status).toBe('planned');
  });

  it('names the herstelgesprek deadline for a restoration meeting', () => {
    expect(afterDeadlineWarning({ startsAt: at('2027-03-02T09:00:00Z') }, restorationDeadline)).toBe(
      'Let op: dit tijdstip valt na de termijn "Herstelgesprek met de pleger" (maandag 1 maart 2027 om 10:00). Het gesprek kan wel worden gepland.',
    );
  });

  it('holds a combined meeting to the 72 hours of the incidentgesprek', () => {
    const deadlines = [incidentDeadline, restorationDeadline];
    expect(meetingDeadline('combinedMeeting', deadlines)).toBe(incidentDeadline);
    expect(meetingDeadline('restorationMeeting', deadlines)).toBe(restorationDeadline);
    expect(meetingDeadline('restorationMeeting', [incidentDeadline])).toBeUndefined();
  });
});

describe('proposing free slots', () => {
  // Tuesday 1 December 2026, 08:00 CET.
  const tuesdayMorning = at('2026-12-01T07:00:00Z');
  const farAway = at('2026-12-31T23:00:00Z');

  it('offers the first five half-hour starts of the working day when everyone is free', () => {
    const slots = proposeSlots([[], []], { from: tuesdayMorning, until: farAway }, 60, calendar);
    expect(starts(slots)).toEqual([
      '2026-12-01T08:00:00.000Z', // 09:00 CET
      '2026-12-01T08:30:00.000Z',
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T09:30:00.000Z',
      '2026-12-01T10:00:00.000Z',
    ]);
    expect(slots[0].end).toEqual(at('2026-12-01T09:00:00Z'));
  });

  it('avoids the busy time of the handler and of the office holder', () => {
    const handlerBusy = [{ start: at('2026-12-01T08:00:00Z'), end: at('2026-12-01T09:15:00Z') }]; // 09:00–10:15
    const officeHolderBusy = [{ start: at('2026-12-01T10:00:00Z'), end: at('2026-12-01T11:00:00Z') }]; // 11:00–12:00
    const slots = proposeSlots([handlerBusy, officeHolderBusy], { from: tuesdayMorning, until: farAway }, 60, calendar);
    expect(starts(slots)).toEqual([
      '2026-12-01T11:00:00.000Z', // 12:00
      '2026-12-01T11:30:00.000Z',
      '2026-12-01T12:00:00.000Z',
      '2026-12-01T12:30:00.000Z',
      '2026-12-01T13:00:00.000Z',
    ]);
  });

  it('allows a meeting to start the moment a busy period ends', () => {
    const busy = [{ start: at('2026-12-01T08:00:00Z'), end: at('2026-12-01T08:30:00Z') }]; // 09:00–09:30
    expect(starts(proposeSlots([busy], { from: tuesdayMorning, until: farAway }, 30, calendar, { maxSlots: 1 }))).toEqual([
      '2026-12-01T08:30:00.000Z',
    ]);
  });

  it('starts on the next half hour after "now" and ends no later than 17:00', () => {
    const tenPastFour = at('2026-12-01T15:10:00Z'); // 16:10 CET
    const slots = proposeSlots([[]], { from: tenPastFour, until: farAway }, 30, calendar, { maxSlots: 2 });
    expect(starts(slots)).toEqual([
      '2026-12-01T15:30:00.000Z', // Tuesday 16:30–17:00
      '2026-12-02T08:00:00.000Z', // Wednesday 09:00
    ]);
  });

  it('skips weekends and the public holidays of the Algemene termijnenwet', () => {
    // Thursday 24 December 2026 16:00 CET; Fri 25 and Sat 26 are Christmas, Sun 27 a Sunday.
    const slots = proposeSlots([[]], { from: at('2026-12-24T15:00:00Z'), until: farAway }, 60, calendar, { maxSlots: 3 });
    expect(starts(slots)).toEqual([
      '2026-12-24T15:00:00.000Z', // Thu 24 Dec 16:00
      '2026-12-28T08:00:00.000Z', // Mon 28 Dec 09:00
      '2026-12-28T08:30:00.000Z',
    ]);
  });

  it('proposes nothing that ends after the deadline', () => {
    // From Thursday 3 December 12:00 until the 72-hour deadline at 14:15.
    const slots = proposeSlots([[]], { from: at('2026-12-03T11:00:00Z'), until: at('2026-12-03T13:15:00Z') }, 60, calendar);
    expect(starts(slots)).toEqual(['2026-12-03T11:00:00.000Z', '2026-12-03T11:30:00.000Z', '2026-12-03T12:00:00.000Z']);
  });

  it('returns nothing when nobody is free before the deadline', () => {
    const allDay = [{ start: at('2026-12-03T08:00:00Z'), end: at('2026-12-03T16:00:00Z') }];
    expect(proposeSlots([allDay], { from: at('2026-12-03T07:00:00Z'), until: at('2026-12-03T16:00:00Z') }, 30, calendar)).toEqual([]);
    expect(proposeSlots([[]], { from: at('2026-12-03T07:00:00Z'), until: at('2026-12-03T16:00:00Z') }, 9 * 60, calendar)).toEqual([]);
  });

  it('keeps Amsterdam working hours in summer time', () => {
    // Clocks moved on Sunday 28 March 2027 (also Easter); Monday 29 is Tweede Paasdag.
    // Tuesday 30 March 09:00 CEST is 07:00 UTC.
    const slots = proposeSlots([[]], { from: at('2027-03-28T22:00:00Z'), until: at('2027-04-30T00:00:00Z') }, 60, calendar, { maxSlots: 1 });
    expect(starts(slots)).toEqual(['2027-03-30T07:00:00.000Z']);
  });

  it('can spread the proposals over several days', () => {
    const slots = proposeSlots([[]], { from: tuesdayMorning, until: farAway }, 60, calendar, { maxSlots: 4, maxPerDay: 2 });
    expect(starts(slots)).toEqual([
      '2026-12-01T08:00:00.000Z',
      '2026-12-01T08:30:00.000Z',
      '2026-12-02T08:00:00.000Z',
      '2026-12-02T08:30:00.000Z',
    ]);
  });

  it('gives a proposed slot back as the date and time the card shows', () => {
    expect(toAmsterdamLocal(at('2026-12-01T08:30:00Z'))).toEqual({ date: '2026-12-01', time: '09:30' });
    expect(toAmsterdamLocal(at('2027-06-01T08:30:00Z'))).toEqual({ date: '2027-06-01', time: '10:30' });
  });
});
