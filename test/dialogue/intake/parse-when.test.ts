import { formatIncidentTime, parseIncidentTime, type ParsedIncidentTime } from '../../../src/dialogue/intake/parse-when';

// Thursday 12 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date('2026-11-12T09:00:00Z');

type Accepted = Extract<ParsedIncidentTime, { ok: true }>;
type Refused = Extract<ParsedIncidentTime, { ok: false }>;

function accepted(text: string, now = NOW): Accepted {
  const result = parseIncidentTime(text, now);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.reason} — ${result.message}`);
  return result;
}

function refused(text: string, now = NOW): Refused {
  const result = parseIncidentTime(text, now);
  if (result.ok) throw new Error(`"${text}" was accepted as ${result.at.toISOString()}`);
  return result;
}

describe('parseIncidentTime — now is Thursday 12 November 2026 10:00 (Amsterdam)', () => {
  it.each([
    // text, UTC instant, time known, local meaning
    ['net', '2026-11-12T09:00:00.000Z', true], //                    Thu 12 Nov 10:00
    ['zojuist', '2026-11-12T09:00:00.000Z', true],
    ['nu', '2026-11-12T09:00:00.000Z', true],
    ['net nu', '2026-11-12T09:00:00.000Z', true],
    ['Zonet!', '2026-11-12T09:00:00.000Z', true],
    ['vandaag', '2026-11-11T23:00:00.000Z', false], //                Thu 12 Nov, start of day
    ['eerder vandaag', '2026-11-11T23:00:00.000Z', false],
    ['vandaag 09:30', '2026-11-12T08:30:00.000Z', true], //          Thu 12 Nov 09:30
    ['vandaag om 9.30', '2026-11-12T08:30:00.000Z', true],
    ['09:30', '2026-11-12T08:30:00.000Z', true],
    ['9.30 uur', '2026-11-12T08:30:00.000Z', true],
    ['om 9', '2026-11-12T08:00:00.000Z', true], //                   Thu 12 Nov 09:00
    ['9 uur', '2026-11-12T08:00:00.000Z', true],
    ['9u15', '2026-11-12T08:15:00.000Z', true],
    ['gisteren', '2026-11-10T23:00:00.000Z', false], //               Wed 11 Nov
    ['gisteren 21:30', '2026-11-11T20:30:00.000Z', true], //         Wed 11 Nov 21:30
    ['gister om 21.30 uur', '2026-11-11T20:30:00.000Z', true],
    ['14:00 gisteren', '2026-11-11T13:00:00.000Z', true], //         Wed 11 Nov 14:00
    ['eergisteren', '2026-11-09T23:00:00.000Z', false], //            Tue 10 Nov
    ['eergisteren 8:05', '2026-11-10T07:05:00.000Z', true], //       Tue 10 Nov 08:05
    ['maandag', '2026-11-08T23:00:00.000Z', false], //                Mon 9 Nov
    ['afgelopen maandag', '2026-11-08T23:00:00.000Z', false], //      Mon 9 Nov
    ['maandag jl.', '2026-11-08T23:00:00.000Z', false], //            Mon 9 Nov
    ['ma 14:00', '2026-11-09T13:00:00.000Z', true], //               Mon 9 Nov 14:00
    ['vrijdag', '2026-11-05T23:00:00.000Z', false], //                Fri 6 Nov
    ['donderdag', '2026-11-11T23:00:00.000Z', false], //              Thu 12 Nov: today
    ['donderdag 08:00', '2026-11-12T07:00:00.000Z', true], //        Thu 12 Nov 08:00: today, passed
    ['donderdag 18:00', '2026-11-05T17:00:00.000Z', true], //        Thu 5 Nov 18:00: today's is ahead
    ['afgelopen donderdag', '2026-11-04T23:00:00.000Z', false], //    Thu 5 Nov
    ['vorige donderdag 8:00', '2026-11-05T07:00:00.000Z', true], //  Thu 5 Nov 08:00
    ['12-11', '2026-11-11T23:00:00.000Z', false], //                  Thu 12 Nov 2026
    ['11-11', '2026-11-10T23:00:00.000Z', false], //                  Wed 11 Nov 2026
    ['13-11', '2025-11-12T23:00:00.000Z', false], //                  Thu 13 Nov 2025: most recent past
    ['12-11-2026', '2026-11-11T23:00:00.000Z', false],
    ['12-11-26', '2026-11-11T23:00:00.000Z', false],
    ['12.11.2026', '2026-11-11T23:00:00.000Z', false],
    ['1/3/2024', '2024-02-29T23:00:00.000Z', false], //              Fri 1 Mar 2024
    ['12/11/2026 09:30', '2026-11-12T08:30:00.000Z', true], //       Thu 12 Nov 09:30
    ['12 november', '2026-11-11T23:00:00.000Z', false],
    ['12 nov 2026 9:30', '2026-11-12T08:30:00.000Z', true],
    ['do 12 nov. 2026 om 9:30', '2026-11-12T08:30:00.000Z', true],
    ['woensdag 11 november om 21.30 uur', '2026-11-11T20:30:00.000Z', true],
    ['op 3 oktober', '2026-10-02T22:00:00.000Z', false], //           Sat 3 Oct 2026 (CEST)
    ['29-02', '2024-02-28T23:00:00.000Z', false], //                  Thu 29 Feb 2024: last leap year
    ['2026-11-12T09:30', '2026-11-12T08:30:00.000Z', true],
    ['2026-11-12 09:30', '2026-11-12T08:30:00.000Z', true],
    ['2026-11-12T07:30:00Z', '2026-11-12T07:30:00.000Z', true], //   an explicit offset is honoured
    ['2026-11-12', '2026-11-11T23:00:00.000Z', false],
    ['2 uur geleden', '2026-11-12T07:00:00.000Z', true], //          Thu 12 Nov 08:00
    ['een kwartier geleden', '2026-11-12T08:45:00.000Z', true],
    ['een half uur geleden', '2026-11-12T08:30:00.000Z', true],
    ['10 minuten geleden', '2026-11-12T08:50:00.000Z', true],
    ['3 dagen geleden', '2026-11-08T23:00:00.000Z', false], //        Mon 9 Nov
    ['een week geleden', '2026-11-04T23:00:00.000Z', false], //       Thu 5 Nov
    ['gisteravond 9 uur', '2026-11-11T20:00:00.000Z', true], //      Wed 11 Nov 21:00
    ["gisteren 9 uur 's avonds", '2026-11-11T20:00:00.000Z', true],
    ["gisteren 3 uur 's middags", '2026-11-11T14:00:00.000Z', true], // Wed 11 Nov 15:00
    ['vannacht om 2 uur', '2026-11-12T01:00:00.000Z', true], //      Thu 12 Nov 02:00
    ['vannacht 23:00', '2026-11-11T22:00:00.000Z', true], //         Wed 11 Nov 23:00: the evening before
    ['  GISTEREN    21:30  ', '2026-11-11T20:30:00.000Z', true],
    ['Gisteren, 21:30.', '2026-11-11T20:30:00.000Z', true],
    ['10:03', '2026-11-12T09:00:00.000Z', true], //                  3 minutes ahead: clock skew, clamped to now
  ])('%j → %s (time known: %s)', (text, utc, timeKnown) => {
    const result = accepted(text);
    expect(result.at.toISOString()).toBe(utc);
    expect(result.timeKnown).toBe(timeKnown);
    expect(result.approximate).toBe(false);
  });

  it.each([
    // text, UTC instant, display; representative hours: ochtend 09:00, middag 14:00, avond 20:00, nacht 03:00
    ['vanochtend', '2026-11-12T08:00:00.000Z', "donderdag 12 november 2026 rond 09:00 ('s ochtends, geschat tijdstip)"],
    ['vanmorgen', '2026-11-12T08:00:00.000Z', "donderdag 12 november 2026 rond 09:00 ('s ochtends, geschat tijdstip)"],
    ['vannacht', '2026-11-12T02:00:00.000Z', "donderdag 12 november 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
    ['afgelopen nacht', '2026-11-12T02:00:00.000Z', "donderdag 12 november 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
    ['gisternacht', '2026-11-12T02:00:00.000Z', "donderdag 12 november 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
    ['gisteravond', '2026-11-11T19:00:00.000Z', "woensdag 11 november 2026 rond 20:00 ('s avonds, geschat tijdstip)"],
    ['gistermiddag', '2026-11-11T13:00:00.000Z', "woensdag 11 november 2026 rond 14:00 ('s middags, geschat tijdstip)"],
    ['gistermorgen', '2026-11-11T08:00:00.000Z', "woensdag 11 november 2026 rond 09:00 ('s ochtends, geschat tijdstip)"],
    ["gisteren 's avonds", '2026-11-11T19:00:00.000Z', "woensdag 11 november 2026 rond 20:00 ('s avonds, geschat tijdstip)"],
    ['maandagavond', '2026-11-09T19:00:00.000Z', "maandag 9 november 2026 rond 20:00 ('s avonds, geschat tijdstip)"],
    ['dinsdag avond', '2026-11-10T19:00:00.000Z', "dinsdag 10 november 2026 rond 20:00 ('s avonds, geschat tijdstip)"],
    // Saturday night is the night from Saturday 7 into Sunday 8 November.
    ['zaterdagnacht', '2026-11-08T02:00:00.000Z', "zondag 8 november 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
    // A date with "'s nachts" is the early hours of that date.
    ["10 november 's nachts", '2026-11-10T02:00:00.000Z', "dinsdag 10 november 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
  ])('%j → %s, said to be an estimate', (text, utc, display) => {
    const result = accepted(text);
    expect(result.at.toISOString()).toBe(utc);
    expect(result.display).toBe(display);
    expect(result.timeKnown).toBe(true);
    expect(result.approximate).toBe(true);
  });

  it('takes now for a part of the day that has begun but whose representative hour is still to come', () => {
    // Thursday 12 November 2026 19:00 local: the evening began at 18:00, 20:00 is ahead.
    const evening = new Date('2026-11-12T18:00:00Z');
    const result = accepted('vanavond', evening);
    expect(result.at.toISOString()).toBe('2026-11-12T18:00:00.000Z');
    expect(result.approximate).toBe(true);
  });

  it.each([
    // text, what the message names
    ['14:00', 'Donderdag 12 november 2026 om 14:00'], //              today 14:00 is ahead: refused, not moved to yesterday
    ['vandaag 14:00', 'Donderdag 12 november 2026 om 14:00'],
    ['vandaag om 14.00', 'Donderdag 12 november 2026 om 14:00'],
    ['10:06', 'Donderdag 12 november 2026 om 10:06'], //               6 minutes ahead: more than clock skew
    ['vanmiddag', "Donderdag 12 november 2026 's middags"], //          the afternoon has not begun
    ['vanavond', "Donderdag 12 november 2026 's avonds"],
    ['morgen', 'Vrijdag 13 november 2026'],
    ['morgenochtend', "Vrijdag 13 november 2026 's ochtends"],
    ['13-11-2026', 'Vrijdag 13 november 2026'],
    ['2027-01-01', 'Vrijdag 1 januari 2027'],
    ['2026-11-12T11:00', 'Donderdag 12 november 2026 om 11:00'],
  ])('refuses %j as future', (text, named) => {
    const result = refused(text);
    expect(result.reason).toBe('future');
    expect(result.message).toContain(named);
    expect(result.message).toContain('toekomst');
    expect(result.message).toContain('gisteren 21:30'); // an example of what is understood
  });

  it.each([
    ['11-11-2021', 'Donderdag 11 november 2021'], //                   5 years and a day ago
    ['1 januari 2000', 'Zaterdag 1 januari 2000'],
    ['2021-11-12T09:59', 'Vrijdag 12 november 2021 om 09:59'],
  ])('refuses %j as more than 5 years ago', (text, named) => {
    const result = refused(text);
    expect(result.reason).toBe('tooOld');
    expect(result.message).toContain(named);
    expect(result.message).toContain('5 jaar');
  });

  it('accepts exactly 5 years ago', () => {
    expect(accepted('12-11-2021 10:00').at.toISOString()).toBe('2021-11-12T09:00:00.000Z'); // Fri 12 Nov 2021
    expect(accepted('13-11-2021').timeKnown).toBe(false); //                                      Sat 13 Nov 2021
  });

  it.each([
    ['blabla', 'Ik begrijp niet'],
    ['', 'Ik begrijp niet'],
    ['   ', 'Ik begrijp niet'],
    ['om', 'Ik begrijp niet'],
    ['afgelopen', 'Ik begrijp niet'],
    ['vorige week', 'Ik begrijp niet'],
    ['ergens in de zomer', 'Ik begrijp niet'],
    ['gisteren tussen 21:00 en 22:00', 'Ik begrijp niet'],
    ['maandag 12', 'Ik begrijp niet'],
    ['12', 'Ik begrijp niet'],
    ['1234', 'Ik begrijp niet'],
    ['<script>alert(1)</script>', 'Ik begrijp niet'],
    ['32-13-2026', '"32-13-2026" is geen bestaande datum'],
    ['31-11-2026', '"31-11-2026" is geen bestaande datum'],
    ['29-02-2026', '"29-02-2026" is geen bestaande datum'],
    ['31 februari', '"31 februari" is geen bestaande datum'],
    ['2026-13-01', 'geen bestaand tijdstip'],
    ['25:00', '"25:00" is geen geldige tijd'],
    ['gisteren 21:75', '"21:75" is geen geldige tijd'],
    ['maandag 12 november', '12 november 2026 is een donderdag, geen maandag'],
  ])('refuses %j as unrecognised with a Dutch explanation', (text, explanation) => {
    const result = refused(text);
    expect(result.reason).toBe('unrecognised');
    expect(result.message).toContain(explanation);
  });

  it('gives an example that would itself be accepted', () => {
    const { message } = refused('blabla');
    expect(message).toContain('"5-11-2026 09:30"'); // Thu 5 Nov 2026, a week before now
    expect(accepted('5-11-2026 09:30').at.toISOString()).toBe('2026-11-05T08:30:00.000Z');
  });

  it('survives very long input without hanging', () => {
    const started = process.hrtime.bigint();
    expect(refused(`${'1 '.repeat(50_000)}gisteren`).reason).toBe('unrecognised');
    expect(refused('a'.repeat(100_000)).reason).toBe('unrecognised');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });
});

describe('parseIncidentTime — the night clocks go forward (Sunday 29 March 2026, 02:00 → 03:00)', () => {
  // Monday 30 March 2026, 08:00 in Amsterdam (CEST, UTC+2).
  const monday = new Date('2026-03-30T06:00:00Z');

  it.each([
    ['gisteren 01:59', '2026-03-29T00:59:00.000Z', 'zondag 29 maart 2026 om 01:59'], // still CET
    // 02:30 did not exist: read on the clock before the change, it is 03:30 summer time.
    ['gisteren 02:30', '2026-03-29T01:30:00.000Z', 'zondag 29 maart 2026 om 03:30'],
    ['gisteren 03:00', '2026-03-29T01:00:00.000Z', 'zondag 29 maart 2026 om 03:00'], // CEST
    ['zaterdag 23:00', '2026-03-28T22:00:00.000Z', 'zaterdag 28 maart 2026 om 23:00'],
    ['gisteren 12:00', '2026-03-29T10:00:00.000Z', 'zondag 29 maart 2026 om 12:00'],
    ['zaterdagnacht', '2026-03-29T01:00:00.000Z', "zondag 29 maart 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
    ['vannacht', '2026-03-30T01:00:00.000Z', "maandag 30 maart 2026 rond 03:00 ('s nachts, geschat tijdstip)"],
    ['gisteren', '2026-03-28T23:00:00.000Z', 'zondag 29 maart 2026'], //            the day begins in CET
    ['vandaag', '2026-03-29T22:00:00.000Z', 'maandag 30 maart 2026'], //            and the next one in CEST
  ])('%j → %s (%s)', (text, utc, display) => {
    const result = accepted(text, monday);
    expect(result.at.toISOString()).toBe(utc);
    expect(result.display).toBe(display);
  });

  it('counts "2 uur geleden" in real hours across the change', () => {
    // Sunday 29 March 2026 03:30 CEST; two real hours earlier it was 00:30 CET.
    const result = accepted('2 uur geleden', new Date('2026-03-29T01:30:00Z'));
    expect(result.at.toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(result.display).toBe('zondag 29 maart 2026 om 00:30');
  });
});

describe('parseIncidentTime — the night clocks go back (Sunday 25 October 2026, 03:00 → 02:00)', () => {
  // Monday 26 October 2026, 08:00 in Amsterdam (CET, UTC+1).
  const monday = new Date('2026-10-26T07:00:00Z');

  it.each([
    ['gisteren 01:30', '2026-10-24T23:30:00.000Z'], //  CEST
    // 02:30 happened twice; the first (summer time) is taken, which makes any deadline earlier.
    ['gisteren 02:30', '2026-10-25T00:30:00.000Z'],
    ['25-10-2026 02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T02:30+01:00', '2026-10-25T01:30:00.000Z'], // the second one, when the offset says so
    ['gisteren 03:00', '2026-10-25T02:00:00.000Z'], //  CET
    ['zaterdagnacht', '2026-10-25T02:00:00.000Z'], //   03:00 CET
  ])('%j → %s', (text, utc) => {
    expect(accepted(text, monday).at.toISOString()).toBe(utc);
  });
});

describe('formatIncidentTime', () => {
  it.each([
    ['2026-11-12T08:30:00Z', true, 'donderdag 12 november 2026 om 09:30'],
    ['2026-11-12T08:30:00Z', false, 'donderdag 12 november 2026'],
    ['2026-07-01T22:15:00Z', true, 'donderdag 2 juli 2026 om 00:15'], // CEST pushes it to the next day
    ['2026-03-29T01:30:00Z', true, 'zondag 29 maart 2026 om 03:30'],
  ])('%s (time known: %s) → %j', (utc, timeKnown, display) => {
    expect(formatIncidentTime(new Date(utc), timeKnown)).toBe(display);
  });

  it('is what parseIncidentTime shows for an exact time', () => {
    const result = accepted('12/11/2026 09:30');
    expect(result.display).toBe(formatIncidentTime(result.at, true));
  });
});
