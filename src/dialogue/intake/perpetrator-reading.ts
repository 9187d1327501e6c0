/**
 * Reading who did it from what the office holder typed ("Jan Pietersen", "@utrechtboos op Instagram",
 * "reed weg in 12-ABC-3"): a person's name, an online handle with its platform, a licence plate. These
 * become recidive keys (domain/perpetrator.ts normalises them); the typed text itself stays the
 * characteristics, so nothing the person wrote is lost.
 */
import { normaliseLicencePlate } from '../../domain/perpetrator';
import type { SocialPlatform } from '../../domain/report';

/** What could be read from a typed answer; each part only when it is clearly there. */
export interface PerpetratorReading {
  name?: string;
  platform?: SocialPlatform;
  licencePlate?: string;
}

/** Dutch licence plates: six letters and digits in three groups ("12-ABC-3", "AB-123-C", "1-ABC-23"). */
const PLATE_IN_TEXT_RE = /(?<![\p{L}\p{N}-])([A-Za-z0-9]{1,3})-([A-Za-z0-9]{1,3})-([A-Za-z0-9]{1,3})(?![\p{L}\p{N}-])/u;
/** A handle as platforms allow it: letters, digits, dots and underscores (a trailing dot ends the sentence). */
const HANDLE_RE = /(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)/u;

/** Words by which people name a platform, folded to lower case. */
const PLATFORM_WORDS: Readonly<Record<string, SocialPlatform>> = {
  instagram: 'instagram', insta: 'instagram', ig: 'instagram',
  x: 'x', twitter: 'x',
  facebook: 'facebook', fb: 'facebook',
  tiktok: 'tiktok', youtube: 'youtube', linkedin: 'linkedin', telegram: 'telegram',
  snapchat: 'snapchat', snap: 'snapchat', threads: 'threads', bluesky: 'bluesky', mastodon: 'mastodon',
};
/** "op Instagram", "via X", "(TikTok)", "on twitter", "Instagram-account": the platform near a handle. */
const PLATFORM_NEAR_RE = new RegExp(`(?:^|[\\s(,;:])(?:op|via|on|van)?\\s*\\(?(${Object.keys(PLATFORM_WORDS).join('|')})(?:[-\\s]?account)?\\)?(?=$|[\\s),.;:!?])`, 'iu');

/** Words that can stand inside a Dutch name in lower case ("Jan de Vries", "Anna van der Berg"). */
const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', "'t", 'op', 'la', 'le', 'du', 'da', 'di', 'von', 'el', 'al', 'bin']);
/** Capitalised words that begin a description, not a name ("Man met een rode jas", "Een groep"). */
const NOT_A_FIRST_NAME = new Set([
  'een', 'de', 'het', 'die', 'dat', 'deze', 'dit', 'hij', 'zij', 'ze', 'wij', 'we', 'ik', 'iemand', 'man', 'vrouw', 'jongen', 'meisje',
  'jongeman', 'buurman', 'buurvrouw', 'inwoner', 'burger', 'persoon', 'groep', 'bedrijf', 'organisatie', 'onbekend', 'onbekende', 'anoniem',
  'oudere', 'jonge', 'lange', 'korte', 'dikke', 'dunne', 'blanke', 'donkere', 'mijn', 'zijn', 'haar', 'ook', 'reed', 'stond', 'kwam',
  'via', 'op', 'in', 'met', 'bij', 'naam', 'account', 'kenteken', 'auto', 'scooter', 'fiets', 'bus', 'twee', 'drie', 'vier', 'meneer', 'mevrouw',
]);
/** "naam: …", "heet …", "genaamd …", "ene …": a name follows. */
const NAME_MARKER_RE = /(?:^|[\s,;(])(?:naam(?:\s+is)?\s*:?|heet|genaamd|ene|meneer|mevrouw|dhr\.?|mw\.?)\s+/iu;

const isCapitalised = (word: string): boolean => /^\p{Lu}[\p{L}'’-]*\p{L}$/u.test(word) || /^\p{Lu}\.$/u.test(word);

/** The name at the start of `text`: two or more words, the first and last capitalised, particles between. */
function leadingName(text: string, afterMarker: boolean): string | undefined {
  const words = text.split(/\s+/);
  const taken: string[] = [];
  for (const raw of words) {
    const initial = /^\p{Lu}\.$/u.test(raw);
    const word = initial ? raw : raw.replace(/[,;:.!?()]+$/u, '');
    const ended = word !== raw;
    const first = taken.length === 0;
    if (isCapitalised(word) && !(first && !afterMarker && NOT_A_FIRST_NAME.has(word.toLowerCase()))) taken.push(word);
    else if (!first && NAME_PARTICLES.has(word.toLowerCase())) taken.push(word);
    else break;
    if (ended || taken.length >= 6) break;
  }
  while (taken.length > 0 && !isCapitalised(taken[taken.length - 1])) taken.pop();
  const name = taken.join(' ');
  const capitalised = taken.filter(isCapitalised).length;
  return capitalised >= 2 || (afterMarker && capitalised === 1 && name.length >= 2) ? name : undefined;
}

/** A person's name typed at the start of the answer or after "naam:" / "heet" / "genaamd". */
function nameIn(text: string): string | undefined {
  const marker = NAME_MARKER_RE.exec(text);
  if (marker !== null) {
    const named = leadingName(text.slice(marker.index + marker[0].length), true);
    if (named !== undefined) return named;
  }
  return leadingName(text.trim(), false);
}

/** The platform named in `text`, if exactly one is. */
function platformIn(text: string): SocialPlatform | undefined {
  const found = new Set<SocialPlatform>();
  const re = new RegExp(PLATFORM_NEAR_RE.source, 'giu');
  for (const match of text.matchAll(re)) {
    const platform = PLATFORM_WORDS[match[1].toLowerCase()];
    if (platform !== undefined) found.add(platform);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Reads a name or handle (with its platform) and a licence plate from a typed answer. */
export function readPerpetrator(text: string): PerpetratorReading {
  const reading: PerpetratorReading = {};
  const plate = PLATE_IN_TEXT_RE.exec(text);
  const normalisedPlate = plate === null ? undefined : normaliseLicencePlate(plate[0]);
  if (normalisedPlate !== undefined) reading.licencePlate = normalisedPlate;
  const handle = HANDLE_RE.exec(text);
  if (handle !== null) {
    reading.name = `@${handle[1]}`;
    const platform = platformIn(text);
    if (platform !== undefined) reading.platform = platform;
    return reading;
  }
  // A plate is no name ("AB-123-C" would read as capitalised words otherwise).
  const name = nameIn(plate === null ? text : text.replace(plate[0], ' '));
  if (name !== undefined) reading.name = name;
  return reading;
}

/** The platform of a handle typed in the form's name field ("@utrechtboos op Instagram"): handle and platform apart. */
export function readHandleField(name: string): Pick<PerpetratorReading, 'name' | 'platform'> {
  const handle = HANDLE_RE.exec(name);
  if (handle === null) return { name };
  const platform = platformIn(name);
  return platform === undefined ? { name: `@${handle[1]}` } : { name: `@${handle[1]}`, platform };
}

/** Platform names as people know them (names, not Dutch copy). */
export const SOCIAL_PLATFORM_NAMES: Readonly<Record<SocialPlatform, string>> = {
  instagram: 'Instagram', x: 'X', facebook: 'Facebook', tiktok: 'TikTok', youtube: 'YouTube', linkedin: 'LinkedIn',
  telegram: 'Telegram', snapchat: 'Snapchat', threads: 'Threads', bluesky: 'Bluesky', mastodon: 'Mastodon',
};

