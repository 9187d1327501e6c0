import { cancelMeeting, planMeeting, rescheduleMeeting, type MeetingPlan } from '../../src/domain/meetings';
import { icsFile, toIcs } from '../../src/graph/ics';

// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');
const ORGANISER = { name: 'Anna de Vries', email: 'a.devries@utrecht.nl' };

const baseInput = {
  kind: 'combinedMeeting',
  date: '2026-12-01', // Tuesday
  time: '10:00',
  durationMinutes: 90,
  online: false,
  location: 'Stadhuis, kamer 2.14; ingang Korte Minrebroederstraat',
  attendees: [
    { name: 'Anna de Vries', email: 'a.devries@utrecht.nl', role: 'handler' },
    { name: 'Bakker, J. (wethouder)', email: 'j.bakker@utrecht.nl', role: 'officeHolder' },
    { email: 'burger@example.org', role: 'other' },
  ],
};

function meeting(overrides: Record<string, unknown> = {}): MeetingPlan {
  const result = planMeeting({ ...baseInput, ...overrides }, { id: '7f0c2a6e', now: NOW, calendar: 'ics' });
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.plan;
}

interface Property {
  name: string;
  params: string;
  value: string;
}

/** Unfolds (RFC 5545 §3.1) and splits content lines into name, parameters and value. */
function parse(ics: string): Property[] {
  return ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([A-Z-]+)((?:;[^:"]*(?:"[^"]*")?)*):(.*)$/.exec(line);
      if (match === null) {
        throw new Error(`not a content line: ${line}`);
      }
      return { name: match[1], params: match[2], value: match[3] };
    });
}

function values(ics: string, name: string): string[] {
  return parse(ics)
    .filter((p) => p.name === name)
    .map((p) => p.value);
}

function one(ics: string, name: string): string {
  const found = values(ics, name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('the .ics invitation when calendar integration is off', () => {
  const ics = toIcs(meeting(), 'WB-2026-00042', ORGANISER, NOW);

  it('is a well-formed iCalendar request: CRLF lines of at most 75 octets, one VEVENT', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(parse(ics).map((p) => p.name)).toEqual([
      'BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'BEGIN', 'UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND',
      'SUMMARY', 'LOCATION', 'ORGANIZER', 'ATTENDEE', 'ATTENDEE', 'ATTENDEE', 'CLASS', 'TRANSP', 'STATUS', 'END', 'END',
    ]);
    expect(one(ics, 'VERSION')).toBe('2.0');
    expect(one(ics, 'METHOD')).toBe('REQUEST');
    expect(one(ics, 'STATUS')).toBe('CONFIRMED');
  });

  it('gives the time in UTC, so every calendar shows 10:00–11:30 Amsterdam time', () => {
    expect(one(ics, 'DTSTART')).toBe('20261201T090000Z');
    expect(one(ics, 'DTEND')).toBe('20261201T103000Z');
    expect(one(ics, 'DTSTAMP')).toBe('20261130T090000Z');
  });

  it('reveals only the case number in the subject, and escapes the location', () => {
    expect(one(ics, 'SUMMARY')).toBe('Gesprek WB-2026-00042');
    expect(one(ics, 'LOCATION')).toBe('Stadhuis\\, kamer 2.14\\; ingang Korte Minrebroederstraat');
    expect(values(ics, 'DESCRIPTION')).toEqual([]);
  });

  it('names the organiser and invites every attendee, quoting names with commas', () => {
    expect(parse(ics).find((p) => p.name === 'ORGANIZER')).toEqual({ name: 'ORGANIZER', params: ';CN=Anna de Vries', value: 'mailto:a.devries@utrecht.nl' });
    const attendees = parse(ics).filter((p) => p.name === 'ATTENDEE');
    expect(attendees.map((a) => a.value)).toEqual(['mailto:a.devries@utrecht.nl', 'mailto:j.bakker@utrecht.nl', 'mailto:burger@example.org']);
    expect(attendees[0].params).toBe(';CN=Anna de Vries;CUTYPE=INDIVIDUAL;ROLE=CHAIR;PARTSTAT=ACCEPTED');
    expect(attendees[1].params).toBe(';CN="Bakker, J. (wethouder)";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE');
    expect(attendees[2].params).toBe(';CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE');
  });

  it('keeps the UID when the meeting is moved and raises SEQUENCE, so calendars replace the old invitation', () => {
    const first = meeting();
    const moved = rescheduleMeeting(first, { ...baseInput, time: '14:00' }, NOW);
    if (!moved.ok) {
      throw new Error('reschedule failed');
    }
    const again = toIcs(moved.plan, 'WB-2026-00042', ORGANISER, NOW);
    expect(one(again, 'UID')).toBe(one(ics, 'UID'));
    expect(one(ics, 'SEQUENCE')).toBe('0');
    expect(one(again, 'SEQUENCE')).toBe('1');
    expect(one(again, 'DTSTART')).toBe('20261201T130000Z');
    // Another meeting on the same case gets another UID.
    const other = planMeeting(baseInput, { id: '9b1d', now: NOW, calendar: 'ics' });
    expect(other.ok && one(toIcs(other.plan, 'WB-2026-00042', ORGANISER, NOW), 'UID')).not.toBe(one(ics, 'UID'));
  });

  it('sends a cancellation for a cancelled meeting', () => {
    const cancelled = toIcs(cancelMeeting(meeting()), 'WB-2026-00042', ORGANISER, NOW);
    expect(one(cancelled, 'METHOD')).toBe('CANCEL');
    expect(one(cancelled, 'STATUS')).toBe('CANCELLED');
    expect(one(cancelled, 'UID')).toBe(one(ics, 'UID'));
    expect(one(cancelled, 'SEQUENCE')).toBe('1');
  });

  it('says "Online" for an online meeting and promises the link from the organiser', () => {
    const online = toIcs(meeting({ online: true, location: undefined }), 'WB-2026-00042', ORGANISER, NOW);
    expect(one(online, 'LOCATION')).toBe('Online');
    expect(one(online, 'DESCRIPTION')).toBe('Online gesprek. De organisator stuurt de link om deel te nemen.');
  });

  it('folds long lines without splitting a character, and unfolds to the original text', () => {
    const name = 'Coördinator Veilige Publieke Taak — provincie Utrecht, afdeling Bestuurszaken en Integriteit';
    const long = meeting({ attendees: [...baseInput.attendees, { name, email: 'vpt@provincie-utrecht.nl', role: 'coordinator' }] });
    const text = toIcs(long, 'WB-2026-00042', ORGANISER, NOW);
    const withEmoji = toIcs(meeting({ location: `${'Vergaderzaal '.repeat(5)}🏛️ ${'ë'.repeat(40)}` }), 'WB-2026-00042', ORGANISER, NOW);
    for (const line of [...text.split('\r\n'), ...withEmoji.split('\r\n')]) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split surrogate pair or character would not survive a UTF-8 round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(parse(text).find((p) => p.value === 'mailto:vpt@provincie-utrecht.nl')?.params).toContain(`CN="${name}"`);
    expect(one(withEmoji, 'LOCATION')).toBe(`${'Vergaderzaal '.repeat(5)}🏛️ ${'ë'.repeat(40)}`);
  });

  it('comes as a named file with the calendar content type', () => {
    const file = icsFile(meeting(), 'WB-2026-00042', ORGANISER, NOW);
    expect(file.fileName).toBe('gesprek-WB-2026-00042.ics');
    expect(file.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(file.content).toBe(ics);
  });
});
