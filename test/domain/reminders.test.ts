import { agreeToMeasures, approveMeasures, proposeMeasures, reachGoal, sendBackProposal, submitCase, takeCase, type Case, type MeasureInput } from '../../src/domain/case';
import type { DeadlineKind } from '../../src/domain/deadlines';
import type { IncidentReport } from '../../src/domain/report';
import {
  caseIdOfReminder,
  openTopics,
  planReminders,
  reachedGoals,
  reasonNotToSend,
  supersededReminders,
  type PlannedReminder,
  type ReminderTopic,
} from '../../src/domain/reminders';
import { reminderText } from '../../src/copy/reminders.copy';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { sampleReport } from '../support/sample-report';

const calendar = new WorkingDayCalendar(SHIPPED_DECREE_DAYS);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

function newCase(registeredAt: Date, overrides: Partial<IncidentReport> = {}): Case {
  return submitCase(
    {
      id: 'case-1',
      caseNumber: 'WB-2026-00042',
      organisationId: 'gemeente-utrecht',
      officeHolder: { aadObjectId: 'aad-office-holder', name: 'Test Burgemeester', role: 'burgemeester' },
      report: sampleReport(overrides),
    },
    registeredAt,
    calendar,
  ).case;
}

const KNOWN_PERPETRATOR: Partial<IncidentReport> = { perpetrator: { known: true, type: 'persoon', name: 'Jan Pietersen' } };

/** The handler takes the case and proposes `items` at `at`. */
function proposed(c: Case, items: MeasureInput[], at: Date): Case {
  const taken = c.status === 'submitted' ? takeCase(c, 'aad-handler', at).case : c;
  return proposeMeasures(taken, 'aad-handler', items, at).case;
}

/** The office holder agrees and the handler approves, at `at`. */
function approved(c: Case, at: Date): Case {
  return approveMeasures(agreeToMeasures(c, 'aad-office-holder', at).case, 'aad-handler', at).case;
}

function withGoals(c: Case, goals: Partial<Record<DeadlineKind, Date>>): Case {
  return Object.entries(goals).reduce((acc, [kind, at]) => reachGoal(acc, kind as DeadlineKind, at as Date), c);
}

const plan = (c: Case, now: Date, aftercareCheckIn = false) => planReminders(c, now, { aftercareCheckIn, calendar });
const about = (list: PlannedReminder[], topic: ReminderTopic) => list.filter((r) => r.topic === topic);
const summary = (list: PlannedReminder[]) => list.map((r) => [r.kind, r.sendAt.toISOString(), r.catchUp]);

describe('planReminders: one set per deadline', () => {
  it('72 hours: the measures get one set at 50 %, 75 %, 1 hour before, then overdue + escalation', () => {
    // Incident Monday 30 Nov 2026 10:00 CET, reported an hour later.
    const c = newCase(at('2026-11-30T10:00:00Z'));
    const list = about(plan(c, c.registeredAt), 'measures');
    expect(summary(list)).toEqual([
      ['halfway', '2026-12-01T21:00:00.000Z', false],
      ['threeQuarters', '2026-12-02T15:00:00.000Z', false],
      ['oneHourBefore', '2026-12-03T08:00:00.000Z', false],
      ['overdue', '2026-12-03T09:00:00.000Z', false],
      ['escalation', '2026-12-03T09:00:00.000Z', false],
    ]);
    expect(list.every((r) => r.topics.join() === 'measures')).toBe(true);
    // A proposed incidentgesprek joins the same set: the same 72 hours, the same ids.
    const withMeeting = proposed(newCase(c.registeredAt, KNOWN_PERPETRATOR), [{ kind: 'incidentMeeting' }], c.registeredAt);
    const shared = about(plan(withMeeting, c.registeredAt), 'measures');
    expect(shared.map((r) => [r.id, r.topics.join()])).toEqual(list.map((r) => [r.id, 'measures,incidentMeeting']));
    expect(about(plan(withMeeting, c.registeredAt), 'incidentMeeting')).toEqual([]);
    expect(list.map((r) => r.recipient.kind)).toEqual(['handlerDesk', 'handlerDesk', 'handlerDesk', 'handlerDesk', 'escalation']);
    expect(list.map((r) => r.id)).toContain('case-1:measures:oneHourBefore');
  });

  it('Arbeidsinspectie: 24 hours after a serious incident', () => {
    const c = newCase(at('2026-11-30T10:00:00Z'), { injury: ['physical'] });
    expect(summary(about(plan(c, c.registeredAt), 'labourInspectorate'))).toEqual([
      ['halfway', '2026-11-30T21:00:00.000Z', false],
      ['threeQuarters', '2026-12-01T03:00:00.000Z', false],
      ['oneHourBefore', '2026-12-01T08:00:00.000Z', false],
      ['overdue', '2026-12-01T09:00:00.000Z', false],
      ['escalation', '2026-12-01T09:00:00.000Z', false],
    ]);
  });

  it('police appointment over a weekend: fractions counted in office hours, never on Saturday or Sunday', () => {
    // Registered Friday 4 Dec 2026 15:00 CET → due Tuesday 8 Dec 17:00 CET (Mon = 1st, Tue = 2nd working day).
    // Office time: Fri 2 h + Mon 8 h + Tue 8 h = 18 h; 50 % = Mon 16:00, 75 % = Tue 12:30.
    const c = newCase(at('2026-12-04T14:00:00Z'), { incidentAt: '2026-12-04T13:00:00Z', criminalOffenceSuspected: 'yes' });
    expect(summary(about(plan(c, c.registeredAt), 'policeAppointment'))).toEqual([
      ['halfway', '2026-12-07T15:00:00.000Z', false], // Monday 16:00 CET
      ['threeQuarters', '2026-12-08T11:30:00.000Z', false], // Tuesday 12:30 CET
      ['oneHourBefore', '2026-12-08T15:00:00.000Z', false], // Tuesday 16:00 CET
      ['overdue', '2026-12-08T16:00:00.000Z', false], // Tuesday 17:00 CET
      ['escalation', '2026-12-08T16:00:00.000Z', false],
    ]);
  });

  it('police appointment over Christmas: 25 and 26 December and the Sunday are skipped', () => {
    // Registered Thursday 24 Dec 2026 14:00 CET → Mon 28 = 1st, Tue 29 = 2nd working day, due 17:00.
    // Office time: Thu 3 h + Mon 8 h + Tue 8 h = 19 h; 50 % = Mon 15:30, 75 % = Tue 12:15.
    const c = newCase(at('2026-12-24T13:00:00Z'), { incidentAt: '2026-12-24T12:00:00Z', criminalOffenceSuspected: 'yes' });
    const list = about(plan(c, c.registeredAt), 'policeAppointment');
    expect(summary(list)).toEqual([
      ['halfway', '2026-12-28T14:30:00.000Z', false],
      ['threeQuarters', '2026-12-29T11:15:00.000Z', false],
      ['oneHourBefore', '2026-12-29T15:00:00.000Z', false],
      ['overdue', '2026-12-29T16:00:00.000Z', false],
      ['escalation', '2026-12-29T16:00:00.000Z', false],
    ]);
  });

  it('herstelgesprek: due when the restrictive measures end', () => {
    const c = newCase(at('2026-11-30T10:00:00Z'));
    const endsAt = plus(c.registeredAt, 30 * DAY);
    const taken = takeCase(c, 'aad-handler', c.registeredAt).case;
    const withMeasure = proposeMeasures(taken, 'aad-handler', [{ kind: 'restrictiveMeasures', endsAt }], c.registeredAt).case;
    expect(about(plan(c, c.registeredAt), 'restorationMeeting')).toEqual([]);
    const list = about(plan(withMeasure, c.registeredAt), 'restorationMeeting');
    expect(summary(list)).toEqual([
      ['halfway', plus(c.registeredAt, 15 * DAY).toISOString(), false],
      ['threeQuarters', plus(c.registeredAt, 22.5 * DAY).toISOString(), false],
      ['oneHourBefore', plus(endsAt, -HOUR).toISOString(), false],
      ['overdue', endsAt.toISOString(), false],
      ['escalation', endsAt.toISOString(), false],
    ]);
  });
});

describe('planReminders: moments already passed', () => {
  it('a case reported 70 hours after the incident gets ONE notice now, then the 1-hour reminder, then overdue + escalation', () => {
    // Incident Monday 30 Nov 10:00 CET; reported Thursday 3 Dec 08:00 CET, two hours before the 72-hour deadline.
    const registeredAt = at('2026-12-03T07:00:00Z');
    const c = newCase(registeredAt);
    const list = about(plan(c, registeredAt), 'measures');
    expect(summary(list)).toEqual([
      ['threeQuarters', registeredAt.toISOString(), true],
      ['oneHourBefore', '2026-12-03T08:00:00.000Z', false],
      ['overdue', '2026-12-03T09:00:00.000Z', false],
      ['escalation', '2026-12-03T09:00:00.000Z', false],
    ]);
    const notice = list[0] as PlannedReminder;
    expect(notice.dueAt).toEqual(at('2026-12-02T15:00:00Z'));
    const text = reminderText(notice, c, registeredAt);
    expect(text).toContain('WB-2026-00042');
    expect(text).toContain('uiterlijk donderdag 3 december 2026 om 10:00 gebeuren (nog 2 uur)');
    expect(text).toContain('Maatregelen treffen');
    expect(text).not.toContain('Incidentgesprek');
  });

  it('a deadline already past at submission gives the overdue notice and the escalation at once, and nothing else', () => {
    const registeredAt = at('2026-12-05T09:00:00Z'); // five days after the incident
    const c = newCase(registeredAt);
    const list = about(plan(c, registeredAt), 'measures');
    expect(summary(list)).toEqual([
      ['overdue', registeredAt.toISOString(), true],
      ['escalation', registeredAt.toISOString(), true],
    ]);
    const escalation = reminderText(list[1] as PlannedReminder, c, registeredAt);
    expect(escalation).toContain('Escalatie');
    expect(escalation).toContain('De termijn was al verstreken toen de melding binnenkwam.');
    expect(escalation).toContain('Gemeente Utrecht');
    expect(escalation).toContain('Gemeentesecretaris');
    expect(escalation).not.toContain('dreigde'); // no report content to the coordinator
  });

  it('planning again later keeps ids and moments of what was planned before (idempotent)', () => {
    const c = newCase(at('2026-11-30T10:00:00Z'));
    const first = plan(c, c.registeredAt, true);
    const again = plan(c, plus(c.registeredAt, 10 * HOUR), true);
    expect(again.map((r) => [r.id, r.dueAt.toISOString(), r.sendAt.toISOString()])).toEqual(
      first.map((r) => [r.id, r.dueAt.toISOString(), r.sendAt.toISOString()]),
    );
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    expect(first.every((r) => caseIdOfReminder(r.id) === 'case-1')).toBe(true);
  });
});

describe('goals reached and closed cases', () => {
  const c = newCase(at('2026-11-30T10:00:00Z'), { injury: ['mental'] });

  it('reaching one goal of a shared deadline keeps the reminders for the other, naming only that one', () => {
    const withMeeting = proposed(newCase(c.registeredAt, { ...KNOWN_PERPETRATOR, injury: ['mental'] }), [{ kind: 'incidentMeeting' }], c.registeredAt);
    const half = withGoals(withMeeting, { measures: at('2026-12-01T08:00:00Z') });
    expect(reachedGoals(half)).toEqual(['measures']);
    const list = about(plan(half, c.registeredAt), 'measures');
    expect(list).toHaveLength(5);
    const text = reminderText(list[0] as PlannedReminder, half, c.registeredAt);
    expect(text).toContain('Incidentgesprek met de pleger');
    expect(text).not.toContain('Maatregelen treffen');
    expect(reasonNotToSend(list[0] as PlannedReminder, half, { aftercareCheckIn: true })).toBeUndefined();
  });

  it('reaching every goal of a deadline plans nothing more for it and stops what was planned', () => {
    const before = about(plan(c, c.registeredAt), 'labourInspectorate');
    const done = withGoals(c, { labourInspectorate: at('2026-11-30T12:00:00Z') });
    expect(about(plan(done, c.registeredAt), 'labourInspectorate')).toEqual([]);
    expect(about(plan(done, c.registeredAt), 'measures')).toHaveLength(5);
    expect(before.map((r) => reasonNotToSend(r, done, { aftercareCheckIn: true }))).toEqual(Array(5).fill('goalReached'));
  });

  it('a closed case gets no deadline reminders, but keeps the aftercare check-in', () => {
    const closed: Case = { ...c, status: 'closed' };
    const list = plan(closed, c.registeredAt, true);
    expect(list.map((r) => r.kind)).toEqual(['aftercareCheckIn']);
    const earlier = plan(c, c.registeredAt)[0] as PlannedReminder;
    expect(reasonNotToSend(earlier, closed, { aftercareCheckIn: true })).toBe('caseClosed');
  });
});

describe('the incidentgesprek: reminders only when that measure is chosen (domain.md "Deadlines")', () => {
  // Incident Monday 30 Nov 2026 10:00 CET, reported an hour later; the 72 hours end Thursday 3 Dec 10:00.
  const registeredAt = at('2026-11-30T10:00:00Z');
  const deadline = at('2026-12-03T09:00:00Z');
  const namesMeeting = (list: PlannedReminder[], c: Case) => list.some((r) => reminderText(r, c, r.sendAt).includes('Incidentgesprek'));

  it('"Soms is een schriftelijke waarschuwing voldoende toereikend": a written-warning case gets no incidentgesprek reminder and, once approved, no escalation', () => {
    const proposal = proposed(newCase(registeredAt, KNOWN_PERPETRATOR), [{ kind: 'writtenWarning' }, { kind: 'aftercare' }], plus(registeredAt, HOUR));
    const before = plan(proposal, proposal.registeredAt);
    expect(namesMeeting(before, proposal)).toBe(false);
    const done = approved(proposal, plus(registeredAt, 2 * HOUR));
    expect(plan(done, plus(registeredAt, 2 * HOUR)).filter((r) => r.kind !== 'aftercareCheckIn')).toEqual([]);
    expect(before.map((r) => reasonNotToSend(r, done, { aftercareCheckIn: false }))).toEqual(before.map(() => 'goalReached'));
  });

  it('"Met de pleger volgt idealiter binnen 72 uur na het incident een incidentgesprek": approved with an incidentgesprek, the reminders and the escalation go on for it', () => {
    const done = approved(proposed(newCase(registeredAt, KNOWN_PERPETRATOR), [{ kind: 'incidentMeeting' }], plus(registeredAt, HOUR)), plus(registeredAt, 2 * HOUR));
    const list = about(plan(done, plus(registeredAt, 2 * HOUR)), 'measures');
    expect(list.map((r) => r.kind)).toEqual(['halfway', 'threeQuarters', 'oneHourBefore', 'overdue', 'escalation']);
    const escalation = list.find((r) => r.kind === 'escalation') as PlannedReminder;
    expect(escalation.sendAt).toEqual(deadline);
    const text = reminderText(escalation, done, deadline);
    expect(text).toContain('Incidentgesprek met de pleger');
    expect(text).not.toContain('Maatregelen treffen'); // approved: that goal is reached
    expect(reasonNotToSend(escalation, done, { aftercareCheckIn: false })).toBeUndefined();
  });

  it('the combined incident- and herstelgesprek counts as an incidentgesprek', () => {
    const done = approved(proposed(newCase(registeredAt, KNOWN_PERPETRATOR), [{ kind: 'combinedMeeting' }], plus(registeredAt, HOUR)), plus(registeredAt, 2 * HOUR));
    const list = about(plan(done, plus(registeredAt, 2 * HOUR)), 'measures');
    expect(list.map((r) => openTopics(r, done).join())).toEqual(Array(5).fill('incidentMeeting'));
  });

  it('with an unknown perpetrator an incidentgesprek brings no deadline, so no reminder and no escalation', () => {
    const done = approved(proposed(newCase(registeredAt), [{ kind: 'incidentMeeting' }], plus(registeredAt, HOUR)), plus(registeredAt, 2 * HOUR));
    expect(plan(done, plus(registeredAt, 2 * HOUR))).toEqual([]);
  });

  it('a reminder planned while the incidentgesprek was proposed is not sent once a new proposal dropped it', () => {
    const first = proposed(newCase(registeredAt, KNOWN_PERPETRATOR), [{ kind: 'incidentMeeting' }], plus(registeredAt, HOUR));
    // As stored then: the escalation of the "72 uur" set, about both deadlines.
    const stored = about(plan(first, first.registeredAt), 'measures').find((r) => r.kind === 'escalation') as PlannedReminder;
    expect(stored.topics).toEqual(['measures', 'incidentMeeting']);
    const second = proposed(sendBackProposal(first, 'aad-office-holder', 'Een brief is genoeg.', plus(registeredAt, 2 * HOUR)).case, [{ kind: 'writtenWarning' }], plus(registeredAt, 3 * HOUR));
    expect(reminderText(stored, second, deadline)).not.toContain('Incidentgesprek');
    const done = approved(second, plus(registeredAt, 4 * HOUR));
    expect(reasonNotToSend(stored, done, { aftercareCheckIn: false })).toBe('goalReached');
  });

  it('a herstelgesprek reminder is cancelled as dropped when a new proposal has no restrictions any more', () => {
    const endsAt = plus(registeredAt, 30 * DAY);
    const first = proposed(newCase(registeredAt), [{ kind: 'restrictiveMeasures', endsAt }], plus(registeredAt, HOUR));
    const stored = about(plan(first, first.registeredAt), 'restorationMeeting')[0] as PlannedReminder;
    const second = proposed(sendBackProposal(first, 'aad-office-holder', 'Liever geen contactverbod.', plus(registeredAt, 2 * HOUR)).case, [{ kind: 'writtenWarning' }], plus(registeredAt, 3 * HOUR));
    expect(about(plan(second, second.registeredAt), 'restorationMeeting')).toEqual([]);
    expect(reasonNotToSend(stored, second, { aftercareCheckIn: false })).toBe('deadlineDropped');
  });

  it('a proposal after the 72 hours: the deadline is already past, and the texts say it was past when proposed', () => {
    const late = plus(deadline, 10 * HOUR);
    const c = proposed(newCase(registeredAt, KNOWN_PERPETRATOR), [{ kind: 'incidentMeeting' }], late);
    const list = about(plan(c, late), 'measures');
    expect(list.map((r) => [r.kind, r.catchUp])).toEqual([
      ['overdue', true],
      ['escalation', true],
    ]);
    const text = reminderText(list[1] as PlannedReminder, c, late);
    expect(text).toContain('De termijn was al verstreken toen deze maatregel werd voorgesteld.');
    expect(text).not.toContain('toen de melding binnenkwam');
  });
});

describe('police reminders in a year without configured decree days', () => {
  it('say that the deadline was counted without that year\'s decree days', () => {
    // Registered Thursday 28 December 2028 → due Tuesday 2 January 2029 17:00, counted without 2029's decree days.
    const c = newCase(at('2028-12-28T09:00:00Z'), { incidentAt: '2028-12-28T08:00:00Z', criminalOffenceSuspected: 'yes' });
    const list = about(plan(c, c.registeredAt), 'policeAppointment');
    expect(list.at(-1)?.deadlineAt).toEqual(at('2029-01-02T16:00:00Z'));
    for (const r of list) {
      expect(reminderText(r, c, r.sendAt)).toContain('Voor 2029 zijn de bij besluit gelijkgestelde feestdagen');
    }
    const inCovered = newCase(at('2026-11-30T10:00:00Z'), { criminalOffenceSuspected: 'yes' });
    const covered = about(plan(inCovered, inCovered.registeredAt), 'policeAppointment');
    expect(covered.some((r) => reminderText(r, inCovered, r.sendAt).includes('gelijkgestelde'))).toBe(false);
  });
});

describe('aftercare check-in', () => {
  const c = newCase(at('2026-11-30T10:00:00Z'));

  it('goes to the office holder a week after the report, with the support lines of their office', () => {
    const checkIn = plan(c, c.registeredAt, true).filter((r) => r.kind === 'aftercareCheckIn');
    expect(checkIn).toHaveLength(1);
    const reminder = checkIn[0] as PlannedReminder;
    expect(reminder.recipient).toEqual({ kind: 'officeHolder' });
    expect(reminder.sendAt).toEqual(plus(c.registeredAt, 7 * DAY));
    expect(reminder.id).toBe('case-1:aftercare:aftercareCheckIn');
    const text = reminderText(reminder, c, reminder.sendAt);
    expect(text).toContain('Hoe gaat het met je?');
    expect(text).toContain('WB-2026-00042');
    expect(text).toContain('088 5543 288');
    expect(text).toContain('070-373 8080'); // the crisislijn, for a burgemeester
  });

  it('can be switched off, which also stops one already planned', () => {
    expect(plan(c, c.registeredAt, false).some((r) => r.kind === 'aftercareCheckIn')).toBe(false);
    const planned = plan(c, c.registeredAt, true).find((r) => r.kind === 'aftercareCheckIn') as PlannedReminder;
    expect(reasonNotToSend(planned, c, { aftercareCheckIn: false })).toBe('switchedOff');
  });

  it('is not planned any more two weeks after the report', () => {
    expect(plan(c, plus(c.registeredAt, 15 * DAY), true).some((r) => r.kind === 'aftercareCheckIn')).toBe(false);
  });
});

describe('texts', () => {
  const c = newCase(at('2026-11-30T10:00:00Z'));
  const list = about(plan(c, c.registeredAt), 'measures');

  it('the overdue notice says the deadline passed, by when, and who was told', () => {
    const overdue = list.find((r) => r.kind === 'overdue') as PlannedReminder;
    const text = reminderText(overdue, c, plus(overdue.dueAt, 5 * 60_000), { escalationContactName: 'Coördinator VPT' });
    expect(text).toContain('Termijn verlopen — zaak WB-2026-00042');
    expect(text).toContain('uiterlijk donderdag 3 december 2026 om 10:00');
    expect(text).toContain('5 minuten te laat');
    expect(text).toContain('Coördinator VPT');
  });

  it('a late reminder says when it should have come', () => {
    const halfway = list[0] as PlannedReminder;
    const text = reminderText(halfway, c, plus(halfway.sendAt, 3 * HOUR), { late: true });
    expect(text).toContain('Dit bericht komt later dan gepland: het had dinsdag 1 december 2026 om 22:00 verstuurd moeten worden.');
    expect(reminderText(halfway, c, halfway.sendAt)).not.toContain('later dan gepland');
  });
});

describe('supersededReminders', () => {
  it('after downtime keeps only the latest handler reminder per deadline; escalations always go', () => {
    const ref = (id: string, kind: PlannedReminder['kind'], dueAt: string, topic: ReminderTopic = 'measures') => ({ id, caseId: 'case-1', topic, kind, dueAt: at(dueAt) });
    const superseded = supersededReminders([
      ref('h', 'halfway', '2026-12-01T21:00:00Z'),
      ref('t', 'threeQuarters', '2026-12-02T15:00:00Z'),
      ref('o', 'overdue', '2026-12-03T09:00:00Z'),
      ref('e', 'escalation', '2026-12-03T09:00:00Z'),
      ref('l', 'halfway', '2026-11-30T21:00:00Z', 'labourInspectorate'),
    ]);
    expect([...superseded.entries()].sort()).toEqual([
      ['h', 'o'],
      ['t', 'o'],
    ]);
  });
});
