import { ADDRESS_REMOVED, detectHomeAddress, removeHomeAddress } from '../../../src/domain/intake/home-address';

function found(text: string): [string, string][] {
  return detectHomeAddress(text).matches.map((m) => [m.kind, m.text]);
}

describe('detectHomeAddress — finds', () => {
  it.each([
    // postcodes
    ['1234 AB', [['postcode', '1234 AB']]],
    ['1234AB', [['postcode', '1234AB']]],
    ['1234ab', [['postcode', '1234ab']]],
    ['3511 ab Utrecht', [['postcode', '3511 ab']]],
    ['postcode 3584 CS', [['postcode', '3584 CS']]],
    ['Mijn postcode is 3701ES.', [['postcode', '3701ES']]],
    // street and number
    ['Kerkstraat 12', [['streetAndNumber', 'Kerkstraat 12']]],
    ['kerkstraat 12', [['streetAndNumber', 'kerkstraat 12']]],
    ['Oudegracht 123bis', [['streetAndNumber', 'Oudegracht 123bis']]],
    ['Burgemeester de Withstraat 4a', [['streetAndNumber', 'Burgemeester de Withstraat 4a']]],
    ['Laan van Nieuw Oosteinde 7', [['streetAndNumber', 'Laan van Nieuw Oosteinde 7']]],
    ['Dorpsweg 12-3', [['streetAndNumber', 'Dorpsweg 12-3']]],
    ['Van Asch van Wijckstraat 55', [['streetAndNumber', 'Van Asch van Wijckstraat 55']]],
    ['Piet Heinstraat 8', [['streetAndNumber', 'Piet Heinstraat 8']]],
    ['Nieuwe Gracht 12', [['streetAndNumber', 'Nieuwe Gracht 12']]],
    ['Oudegracht aan de Werf 123', [['streetAndNumber', 'Oudegracht aan de Werf 123']]],
    ['1e Jacob van Campenstraat 12', [['streetAndNumber', '1e Jacob van Campenstraat 12']]],
    ["'s-Gravenweg 20", [['streetAndNumber', "'s-Gravenweg 20"]]],
    ['St. Jacobsstraat 5', [['streetAndNumber', 'St. Jacobsstraat 5']]],
    ['Jan-van-Galenstraat 12 hs', [['streetAndNumber', 'Jan-van-Galenstraat 12 hs']]],
    ['Kerkstraat 12 A', [['streetAndNumber', 'Kerkstraat 12 A']]],
    ['Maliebaan 50A', [['streetAndNumber', 'Maliebaan 50A']]],
    ['Kerkstraat 12-III', [['streetAndNumber', 'Kerkstraat 12-III']]],
    ['Kerkstraat nr. 12', [['streetAndNumber', 'Kerkstraat nr. 12']]],
    ['Markt 12', [['streetAndNumber', 'Markt 12']]],
    ['Dam 1', [['streetAndNumber', 'Dam 1']]],
    ['Janskerkhof 13', [['streetAndNumber', 'Janskerkhof 13']]],
    ['Vredenburg 40', [['streetAndNumber', 'Vredenburg 40']]],
    ['Mariaplaats 14', [['streetAndNumber', 'Mariaplaats 14']]],
    ['Stationsplein 9', [['streetAndNumber', 'Stationsplein 9']]],
    ['Bosdreef 3', [['streetAndNumber', 'Bosdreef 3']]],
    ['Zuiderkade 7', [['streetAndNumber', 'Zuiderkade 7']]],
    ['Wittevrouwensingel 10', [['streetAndNumber', 'Wittevrouwensingel 10']]],
    ['Lekdijk 88', [['streetAndNumber', 'Lekdijk 88']]],
    ['Kastanjepad 2', [['streetAndNumber', 'Kastanjepad 2']]],
    ['Begijnehof 4', [['streetAndNumber', 'Begijnehof 4']]],
    ['Hamsteeg 1', [['streetAndNumber', 'Hamsteeg 1']]],
    ['Wilhelminapark 30', [['streetAndNumber', 'Wilhelminapark 30']]],
    ['Maliebaan 1', [['streetAndNumber', 'Maliebaan 1']]],
    ['Julianaplantsoen 6', [['streetAndNumber', 'Julianaplantsoen 6']]],
    ['Vismarkt 2', [['streetAndNumber', 'Vismarkt 2']]],
    ['Kloostererf 5', [['streetAndNumber', 'Kloostererf 5']]],
    ['Stadhuisbrug 1', [['streetAndNumber', 'Stadhuisbrug 1']]],
    ['Neude 11', []], //                                       a name without a street ending: a known gap
    // in a sentence: only the address itself
    ['Ik woon aan de Kerkstraat 12 en hij weet dat', [['streetAndNumber', 'Kerkstraat 12']]],
    ['Hij stond bij mijn huis, Burgemeester de Withstraat 4a, Zeist.', [['streetAndNumber', 'Burgemeester de Withstraat 4a']]],
    ['De Kerkstraat 12', [['streetAndNumber', 'Kerkstraat 12']]],
    ['Gisteren Kerkstraat 12', [['streetAndNumber', 'Kerkstraat 12']]],
    ['Ik woon in Utrecht. Kerkstraat 12', [['streetAndNumber', 'Kerkstraat 12']]],
    ['Hoofdstraat 2, 3701 ES Zeist', [['streetAndNumber', 'Hoofdstraat 2'], ['postcode', '3701 ES']]],
    ['Utrechtseweg 1, Kerkstraat 2', [['streetAndNumber', 'Utrechtseweg 1'], ['streetAndNumber', 'Kerkstraat 2']]],
    // overlapping parts are one match
    ['Kerkstraat 3511 AB', [['streetAndNumber', 'Kerkstraat 3511 AB']]],
    // the organisation's address looks the same: found, and the caller only warns
    ['Het gebeurde op het Stadhuisplein 1 in Zeist', [['streetAndNumber', 'Stadhuisplein 1']]],
    ['Archimedeslaan 6, 3584 BA Utrecht', [['streetAndNumber', 'Archimedeslaan 6'], ['postcode', '3584 BA']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
    expect(detectHomeAddress(text).found).toBe(expected.length > 0);
  });

  it('gives offsets that point at the match in the original text', () => {
    const text = 'Hij kwam naar de Kerkstraat 12 en daarna naar 3511 AB.';
    for (const match of detectHomeAddress(text).matches) {
      expect(text.slice(match.start, match.end)).toBe(match.text);
    }
    expect(detectHomeAddress(text).matches.map((m) => m.start)).toEqual([17, 46]);
  });
});

describe('detectHomeAddress — leaves alone', () => {
  it.each([
    'artikel 12',
    'Artikel 285 Wetboek van Strafrecht',
    'om 14:00 uur',
    'Om 14.00 uur op 12-11-2026',
    '3 mensen',
    'Wet 2026',
    'Wmo 2015',
    'Hoofdstuk 3 van de Gemeentewet 2026',
    'in 2026 en 2027',
    'sinds 2026 EU-breed',
    '1000 km',
    '1500 ml',
    '1234',
    'Postbus 80300',
    'telefoon 088 5543 288',
    'Tel: 030-1234567',
    'op de Markt 3 mensen',
    'Op de Kerkstraat 3 keer gebeld',
    'hij heeft 3 keer gebeld en 2 mails gestuurd',
    'Het was onderweg 3 keer mis',
    'onderweg 20 minuten',
    'loopbaan 12 jaar',
    'hij stond in de verf 2 uur',
    'de vergadering 12 november',
    'de raadsvergadering 3 december',
    'in Amsterdam 2026',
    'Stationsplein 12:30',
    'Kerkstraat',
    'nr. 12',
    'over 3 weken',
    'de kerstmarkt 2025',
    'Zaal 3 van het stadhuis',
    'Dit is een **vet** bericht met ${x} en <b>html</b>',
    '',
  ])('%j', (text) => {
    expect(detectHomeAddress(text)).toEqual({ found: false, matches: [] });
  });

  it('does not take SA, SD or SS, which are never issued as postcode letters', () => {
    expect(detectHomeAddress('1234 SS').found).toBe(false);
    expect(detectHomeAddress('1234 SA').found).toBe(false);
    expect(detectHomeAddress('1234 SB').found).toBe(true);
  });

  it('does not take a postcode starting with 0', () => {
    expect(detectHomeAddress('0123 AB').found).toBe(false);
  });
});

describe('removeHomeAddress', () => {
  it.each([
    ['Kerkstraat 12', ADDRESS_REMOVED],
    ['Ik woon aan de Kerkstraat 12 en hij weet dat', `Ik woon aan de ${ADDRESS_REMOVED} en hij weet dat`],
    ['Hoofdstraat 2, 3701 ES Zeist', `${ADDRESS_REMOVED}, ${ADDRESS_REMOVED} Zeist`],
    ['Hij stond voor Laan van Nieuw Oosteinde 7.', `Hij stond voor ${ADDRESS_REMOVED}.`],
    ['Om 14:00 uur waren er 3 mensen.', 'Om 14:00 uur waren er 3 mensen.'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(removeHomeAddress(text)).toBe(expected);
  });

  it('uses the Dutch marker', () => {
    expect(ADDRESS_REMOVED).toBe('[adres verwijderd]');
  });

  it('leaves nothing to find after removal', () => {
    const text = 'Brief bezorgd op Burgemeester de Withstraat 4a, 3701 AB Zeist; hij kwam ook langs Dorpsweg 12-3.';
    expect(detectHomeAddress(removeHomeAddress(text)).found).toBe(false);
  });

  it('handles 100 KB of text quickly', () => {
    const chunk = 'Gisteren om 14:00 uur kwamen 3 mensen naar de Kerkstraat 12 in 3511 AB Utrecht. ';
    const text = chunk.repeat(Math.ceil(100_000 / chunk.length));
    const started = process.hrtime.bigint();
    const result = detectHomeAddress(text);
    const removed = removeHomeAddress(text);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
    expect(result.matches.length).toBe(2 * Math.ceil(100_000 / chunk.length));
    expect(removed).not.toContain('Kerkstraat 12');
    expect(removed).toContain('14:00 uur kwamen 3 mensen');
  });

  it('handles a long run of digits and spaces quickly', () => {
    const started = process.hrtime.bigint();
    expect(detectHomeAddress('1 '.repeat(50_000)).found).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });
});
