import { parse } from 'csv-parse/sync';
import { registrationRow } from '../../src/domain/registration/registration-row';
import { dutchDate, registrationCsv } from '../../src/reports/registration-csv';
import { closed, submitted } from '../support/registration-cases';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('registration CSV', () => {
  const rows = [
    registrationRow(submitted({ id: 'b', registeredAt: new Date('2026-11-20T09:00:00Z'), report: { level: 3, kinds: ['verbaleAgressie', 'pesten'], injury: ['mental', 'hospital'], criminalOffenceSuspected: 'unsure' } }), { earlierCasesOfPerpetrator: 1 }),
    registrationRow(closed(submitted({ id: 'a', organisationId: 'provincie-utrecht', role: 'statenlid', registeredAt: new Date('2026-03-02T09:00:00Z'), report: { place: { mode: 'online', channel: 'socialeMedia' } } }), 'response', 300), { earlierCasesOfPerpetrator: 0 }),
  ];

  it('starts with a UTF-8 byte-order mark and separates fields with ";" and lines with CRLF', () => {
    const bytes = registrationCsv(rows, NOW);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFDatum incident;Datum melding;Organisatie;Functie;/);
    expect(text.split('\r\n')).toHaveLength(rows.length + 2); // header, rows, and the last line end
  });

  it('reads back with Dutch characters, quotes and separators intact', () => {
    const bytes = registrationCsv(rows, NOW);
    const records = parse(bytes, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toContain('Categorieën');
    expect(Object.keys(records[0])).toContain('Pleger eerder gemeld (ten minste één zaak)');
    expect(Object.keys(records[0])).toContain('Niveau (ik–jullie–jij)');
    // Oldest report first.
    expect(records[0]).toMatchObject({
      'Datum melding': '02-03-2026',
      Organisatie: 'Provincie Utrecht',
      Functie: 'Statenlid',
      'Offline of online': 'Online',
      Kanaal: 'Bericht op sociale media',
      Status: 'Afgesloten',
      'Afgesloten met': 'Reactie richting pleger',
      'Maatregelen binnen 72 uur': 'Op tijd',
      'Pleger eerder gemeld (ten minste één zaak)': 'Nee',
    });
    expect(records[1]).toMatchObject({
      'Datum incident': '20-11-2026',
      'Niveau (ik–jullie–jij)': '3 (Non-)verbale agressie ("jij")',
      Categorieën: 'Verbale agressie, Pesten',
      Gedragsdomeinen: 'Emotioneel',
      Letsel: 'Geestelijk letsel, Opname in het ziekenhuis',
      'Vermoeden strafbaar feit': 'Weet ik niet',
      'Melding of aangifte politie': 'Gepland',
      'Maatregelen binnen 72 uur': 'Open, termijn verstreken',
      'Politieafspraak binnen 2 werkdagen': 'Open, termijn verstreken',
      'Pleger eerder gemeld (ten minste één zaak)': 'Ja',
      'Opgepakt na (minuten)': '',
    });
    // The quotes of ("jij") are doubled inside a quoted field, as CSV wants.
    expect(bytes.toString('utf8')).toContain('"3 (Non-)verbale agressie (""jij"")"');
  });

  it('writes dates as dd-mm-jjjj', () => {
    expect(dutchDate('2026-03-02')).toBe('02-03-2026');
  });
});
