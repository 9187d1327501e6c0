/**
 * Spots what looks like a Dutch address in free text, so the intake can warn that a home address
 * must never be given (domain.md: privacy) and offer to remove it. The organisation's own address
 * is allowed but looks the same, so callers warn and offer, never remove silently; this module
 * prefers recall on clear patterns (postcode, "<street> <number>") and keeps ordinary sentences
 * with numbers ("artikel 12", "om 14:00 uur", "3 mensen") out.
 */

/** One stretch of text that looks like part of an address. */
export interface AddressMatch {
  text: string;
  start: number;
  end: number;
  kind: 'postcode' | 'streetAndNumber';
}

/** What `detectHomeAddress` found; matches are sorted and never overlap. */
export interface AddressDetection {
  found: boolean;
  matches: AddressMatch[];
}

/** What replaces an address in the text. */
export const ADDRESS_REMOVED = '[adres verwijderd]';

/** Endings of Dutch street names; a compound ("Kerkstraat") or a capitalised word ("Nieuwe Gracht"). */
const STREET_SUFFIXES = [
  'straat', 'straatje', 'laan', 'laantje', 'weg', 'plein', 'pleintje', 'plaats', 'gracht', 'kade', 'singel',
  'dijk', 'pad', 'hof', 'steeg', 'dreef', 'park', 'baan', 'plantsoen', 'markt', 'erf', 'wal', 'dam',
  'haven', 'veld', 'poort', 'boulevard', 'allee', 'promenade', 'passage', 'ring', 'vaart', 'vliet',
  'wetering', 'sloot', 'zijde', 'oever', 'gaarde', 'bolwerk', 'kamp', 'weide', 'akker', 'zoom', 'hoven',
  'werf', 'burg', 'berg', 'hoek', 'brug', 'ring',
];
/** Suffixes short or common enough that a compound needs a longer first part ("verf" is no street). */
const SHORT_SUFFIXES = new Set(['erf', 'hof', 'pad', 'weg', 'wal', 'dam', 'burg', 'berg', 'hoek', 'kamp', 'zoom']);
/** Endings that make too many ordinary words ("vergadering"): street names only on their own ("Ring 5"). */
const STANDALONE_ONLY = new Set(['ring']);
/** Suffixes that are street names on their own only when capitalised ("Markt 12", "Dam 1"). */
const STANDALONE_SUFFIXES = new Set(['laan', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'hof', 'steeg', 'dreef', 'park', 'markt', 'dam', 'wal', 'haven', 'boulevard', 'plantsoen', 'vaart', 'ring']);
/** Compounds with a street ending that are ordinary words. */
const NOT_STREETS = new Set([
  'onderweg', 'halfweg', 'snelweg', 'zijweg', 'fietspad', 'voetpad', 'wandelpad', 'schoolplein', 'speelplein',
  'speelveld', 'sportveld', 'voetbalveld', 'sportpark', 'pretpark', 'attractiepark', 'loopbaan', 'rijbaan',
  'busbaan', 'kerkhof', 'gerechtshof', 'binnenplaats', 'werkplaats', 'woonplaats', 'standplaats', 'parkeerplaats',
  'geboorteplaats', 'verblijfplaats', 'plaats', 'vakantiepark', 'bedrijvenpark', 'slagveld', 'gezichtsveld',
  'veld', 'erf', 'pad', 'baan', 'hoek', 'berg', 'gang', 'kamp', 'zijde', 'oever', 'poort', 'passage',
  'vooruitgang', 'ingang', 'uitgang', 'voortgang', 'overgang', 'toegang', 'ondergang', 'doorgang', 'achteruitgang',
  'jaargang', 'rondgang', 'omgang', 'ijsberg', 'hoofdzijde', 'achterzijde', 'voorzijde',
  'bovenzijde', 'onderzijde', 'buitenzijde', 'binnenzijde', 'windhoek', 'invalshoek', 'driehoek', 'vierhoek',
  'rechthoek', 'gezichtshoek', 'uithoek', 'zithoek', 'leeshoek', 'speelhoek', 'ijsbaan', 'racebaan',
  'atletiekbaan', 'startbaan', 'landingsbaan', 'scheepvaart', 'luchtvaart', 'ruimtevaart', 'bedevaart',
  'zomerkamp', 'trainingskamp', 'luchthaven', 'zeehaven', 'arbeidsmarkt', 'woningmarkt', 'huizenmarkt',
  'kerstmarkt', 'jaarmarkt', 'weekmarkt', 'rommelmarkt', 'vrijmarkt', 'supermarkt', 'boekenmarkt',
  // Places whose name has a street ending.
  'amsterdam', 'rotterdam', 'schiedam', 'zaandam', 'edam', 'volendam', 'leerdam', 'barneveld', 'woudenberg',
  'voorburg', 'middelburg', 'hardenberg', 'valkenburg', 'veldhoven', 'eindhoven', 'hamburg', 'luxemburg',
  'brandenburg', 'wittenberg', 'heidelberg', 'nürnberg', 'neurenberg', 'rheinberg',
]);
/** Words allowed between a street name and its number ("Kerkstraat nr. 12"). */
const NUMBER_MARKERS = new Set(['nr', 'nr.', 'no', 'no.', 'nummer', 'huisnummer']);
/** Lowercase name particles inside street names ("Burgemeester de Withstraat", "Laan van Nieuw Oosteinde"). */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'te', 'la', 'le', 'du', 'des', "'s", 'op', 'aan']);
/** Capitalised words that start a sentence or name a place, not part of a street name. */
const STOP_WORDS = new Set([
  'ik', 'hij', 'zij', 'wij', 'we', 'ze', 'je', 'jij', 'u', 'men', 'gisteren', 'vandaag', 'toen', 'daar', 'hier',
  'thuis', 'mijn', 'zijn', 'haar', 'onze', 'ons', 'hun', 'jouw', 'uw', 'een', 'adres', 'woon', 'woont',
  'wonen', 'is', 'was', 'naar', 'voor', 'achter', 'langs', 'via', 'bij', 'in', 'op', 'aan', 'met', 'om', 'tot',
  'vanaf', 'nabij', 'tegenover', 'naast', 'richting', 'de', 'het', 'dit', 'dat', 'die', 'deze', 'er', 'maar',
  'en', 'of', 'want', 'dus', 'ook', 'nog', 'al', 'zag', 'stond', 'kwam', 'ging', 'liep', 'reed', 'gemeente',
  'provincie', 'waterschap', 'stadhuis', 'gemeentehuis', 'provinciehuis',
]);
/** Words after a number that make it a quantity or a time, not a house number. */
const QUANTITY_WORDS = new Set([
  'keer', 'maal', 'mensen', 'personen', 'man', 'vrouwen', 'kinderen', 'jongeren', 'jongens', 'meisjes',
  'auto', "auto's", 'autos', 'minuten', 'minuut', 'min', 'uur', 'uren', 'seconden', 'dagen', 'dag', 'weken',
  'week', 'maanden', 'jaar', 'jaren', 'meter', 'm', 'km', 'kilometer', 'procent', '%', 'euro', 'stuks',
  'berichten', 'mails', 'e-mails', 'brieven', 'tweets', 'posts', 'reacties', 'telefoontjes', 'keren',
]);
/** Two letters after four digits that are a Dutch word or a unit ("in 2026 en", "1000 km"), not a postcode. */
const NOT_POSTCODE_LETTERS = new Set([
  'en', 'of', 'is', 'al', 'op', 'in', 'te', 'om', 'na', 'de', 'ik', 'je', 'we', 'ze', 'er', 'ga', 'nu', 'zo',
  'ja', 'ok', 'me', 'mn', 'zn', 'bv', 'eg', 'ca', 'pm', 'am', 'uw', 'ps', 'tv', 'co', 'jl', 'll', 'vs', 'nr',
  'km', 'kg', 'cm', 'mm', 'ml', 'mg', 'kb', 'mb', 'gb', 'tb', 'kw', 'mw', 'pk', 'ha', 'ct', 'pp', 'ex', 'eu',
  'nl', 'hz', 'cc', 'dl', 'cl', 'ms', 'gr', 'ad', 'db', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo', 'st', 'ee',
  'ah', 'oh', 'hé', 'he', 'by', 'to', 'at', 'on', 'it', 'be', 'an', 'as', 'if', 'or', 'so', 'up', 'no', 'my',
]);

const POSTCODE_RE = /(?<![\p{L}\p{N}])([1-9]\d{3})( ?)(\p{L}{2})(?![\p{L}\p{N}])/gu;
/** A house number with an optional addition: 12, 4a, 123bis, 12-3, 12-III, 12 hs, 12 A, 12-14. */
const HOUSE_NUMBER_RE = /(?<![\p{L}\p{N}:.,/-])(\d{1,5})(?:(?:bis|hs|[a-zA-Z]{1,2})|-(?:\d{1,4}|[a-z]{1,3}|[IVX]{1,4}|bis|hs)|\/\d{1,4}| (?:bis|hs|huis|bg|zw|rd|[A-Z]|I{1,3}|IV)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}]|[:.,]\d|%)/gu;
/** A word that may be part of a street name: letters, with inner hyphens/apostrophes, maybe an abbreviation dot. */
const NAME_WORD_RE = /^(?:'[st](?:-\p{L}[\p{L}\p{M}'’.-]*)?|\p{L}[\p{L}\p{M}'’.-]*)$/u;
/** Longest word ending in a dot that is still read as an abbreviation ("St.", "Burg."), not a sentence end. */
const MAX_ABBREVIATION = 5;
/** "1e Jacob van Campenstraat", "2de Hogeweg". */
const ORDINAL_RE = /^\d{1,2}(?:e|ste|de)$/;

/** Finds postcodes and "<street> <number>" in free text. */
export function detectHomeAddress(text: string): AddressDetection {
  const matches = mergeOverlaps(text, [...findPostcodes(text), ...findStreetsAndNumbers(text)]);
  return { found: matches.length > 0, matches };
}

/** The text with every detected address part replaced by "[adres verwijderd]". */
export function removeHomeAddress(text: string): string {
  const { matches } = detectHomeAddress(text);
  let result = '';
  let position = 0;
  for (const match of matches) {
    result += text.slice(position, match.start) + ADDRESS_REMOVED;
    position = match.end;
  }
  return result + text.slice(position);
}

function findPostcodes(text: string): AddressMatch[] {
  const found: AddressMatch[] = [];
  for (const m of text.matchAll(POSTCODE_RE)) {
    const letters = m[3];
    if (!/^[a-z]{2}$/i.test(letters)) continue;
    const upper = letters.toUpperCase();
    // SA, SD and SS are never issued.
    if (upper === 'SA' || upper === 'SD' || upper === 'SS') continue;
    const common = NOT_POSTCODE_LETTERS.has(letters.toLowerCase());
    if (letters !== upper && common) continue;
    // "in 2026 EU" is a year and an acronym; postcodes in 1900-2099 with these letters are the price.
    const year = Number(m[1]);
    if (common && m[2] === ' ' && year >= 1900 && year <= 2099) continue;
    const start = m.index;
    found.push({ text: m[0], start, end: start + m[0].length, kind: 'postcode' });
  }
  return found;
}

function findStreetsAndNumbers(text: string): AddressMatch[] {
  const found: AddressMatch[] = [];
  for (const m of text.matchAll(HOUSE_NUMBER_RE)) {
    const numberStart = m.index;
    const numberEnd = numberStart + m[0].length;
    if (isFollowedByQuantity(text, numberEnd)) continue;
    const nameStart = streetNameStart(text, numberStart);
    if (nameStart === undefined) continue;
    found.push({ text: text.slice(nameStart, numberEnd), start: nameStart, end: numberEnd, kind: 'streetAndNumber' });
  }
  return found;
}

/** Where the street name before a number begins, or undefined when what precedes is no street name. */
function streetNameStart(text: string, numberStart: number): number | undefined {
  // Words directly before the number, nearest first, separated by single runs of spaces only.
  const words: { word: string; start: number }[] = [];
  let position = numberStart;
  while (words.length < 8) {
    const before = text.slice(Math.max(0, position - 60), position);
    const m = /(\S+)([ \t\u00a0]+)$/.exec(before);
    if (!m) break;
    const start = position - m[0].length;
    const nameLike = NAME_WORD_RE.test(m[1]) || ORDINAL_RE.test(m[1]);
    if (!nameLike || (m[1].endsWith('.') && m[1].length > MAX_ABBREVIATION)) break;
    words.push({ word: m[1], start });
    position = start;
  }

  // The street word is the nearest word with a street ending; words between it and the number
  // must be capitalised names or particles ("Laan van Nieuw Oosteinde 7").
  let streetIndex = -1;
  let markers = 0;
  for (let i = 0; i < words.length && i < 5; i += 1) {
    const { word } = words[i];
    if (i === 0 && NUMBER_MARKERS.has(word.toLowerCase())) {
      markers = 1;
      continue;
    }
    if (isStreetWord(word)) {
      streetIndex = i;
      break;
    }
    if (!isCapitalised(word) && !PARTICLES.has(word)) return undefined;
    if (STOP_WORDS.has(word.toLowerCase()) && !PARTICLES.has(word)) return undefined;
  }
  if (streetIndex < 0) return undefined;
  if (streetIndex > markers) {
    // "Laan van Nieuw Oosteinde 7": a capitalised street word, then a name, not just particles.
    if (!isCapitalised(words[streetIndex].word)) return undefined;
    if (!words.slice(markers, streetIndex).some((w) => isCapitalised(w.word))) return undefined;
  }

  // Extend backwards over names and particles before the street word ("Burgemeester de Withstraat").
  let first = streetIndex;
  for (let i = streetIndex + 1; i < words.length && i <= streetIndex + 4; i += 1) {
    const { word } = words[i];
    // "de" is kept in "Burgemeester de Withstraat" but not in "aan de Kerkstraat".
    const particleAfterName = PARTICLES.has(word) && isNameWord(words[i + 1]?.word);
    if (STOP_WORDS.has(word.toLowerCase()) && !particleAfterName) break;
    if (ORDINAL_RE.test(word)) {
      first = i;
      break;
    }
    if (!isCapitalised(word) && !PARTICLES.has(word)) break;
    first = i;
  }
  // A name does not begin with a lowercase particle: "in de Kerkstraat" is "Kerkstraat".
  while (first > streetIndex && PARTICLES.has(words[first].word)) first -= 1;
  return words[first].start;
}

/** A word that names a street: a compound with a street ending, or a capitalised ending on its own. */
function isStreetWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (NOT_STREETS.has(lower) && !(isCapitalised(word) && STANDALONE_SUFFIXES.has(lower))) return false;
  for (const suffix of STREET_SUFFIXES) {
    if (!lower.endsWith(suffix)) continue;
    const head = lower.slice(0, lower.length - suffix.length).replace(/-$/, '');
    if (head === '') {
      if (isCapitalised(word) && (STANDALONE_SUFFIXES.has(suffix) || STANDALONE_ONLY.has(suffix))) return true;
      continue;
    }
    if (STANDALONE_ONLY.has(suffix)) continue;
    if (head.length >= (SHORT_SUFFIXES.has(suffix) ? 3 : 2)) return true;
  }
  return false;
}

function isNameWord(word: string | undefined): boolean {
  return word !== undefined && isCapitalised(word) && !STOP_WORDS.has(word.toLowerCase());
}

function isCapitalised(word: string): boolean {
  const first = word.replace(/^'[st]$/, '').charAt(0);
  return first !== '' && first === first.toUpperCase() && first !== first.toLowerCase();
}

function isFollowedByQuantity(text: string, end: number): boolean {
  const next = /^ +([\p{L}%'’-]+)/u.exec(text.slice(end, end + 40));
  return next !== null && QUANTITY_WORDS.has(next[1].toLowerCase().replace('’', "'"));
}

function mergeOverlaps(text: string, matches: AddressMatch[]): AddressMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: AddressMatch[] = [];
  for (const match of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && match.start < last.end) {
      if (match.end > last.end) merged[merged.length - 1] = { ...last, end: match.end, text: text.slice(last.start, match.end) };
      continue;
    }
    merged.push(match);
  }
  return merged;
}
