import { z } from 'zod';

/** Maximum lengths of free text; long enough for a full account, short enough for a table row. */
export const TEXT_LIMITS = { long: 4000, medium: 2000, short: 500, licencePlate: 20, fileName: 255 } as const;

const longText = z.string().trim().min(1).max(TEXT_LIMITS.long);
const mediumText = z.string().trim().min(1).max(TEXT_LIMITS.medium);
const shortText = z.string().trim().min(1).max(TEXT_LIMITS.short);

/** Helper: a list without duplicates, so one kind or injury is never counted twice. */
function uniqueArray<T extends z.ZodTypeAny>(item: T, min = 0) {
  return z.array(item).min(min).refine((values) => new Set(values).size === values.length, { message: 'duplicate values' });
}

/** The ik–jullie–jij ladder (domain.md "Behaviour"); 1 is mildest, 5 is physical violence. */
export const BEHAVIOUR_LEVELS = [
  {
    level: 1,
    title: 'Emotioneel gedrag ("ik")',
    explanation: 'Gericht op de eigen situatie: klagen, uitzondering vragen, smoesjes, claimen, of dreigen zichzelf iets aan te doen.',
  },
  {
    level: 2,
    title: 'Emotioneel gedrag ("jullie")',
    explanation: 'Kritiek op regels, beleid of bestuur: ter verantwoording roepen, beschuldigen, obstructie.',
  },
  {
    level: 3,
    title: '(Non-)verbale agressie ("jij")',
    explanation: 'Persoonlijk gericht: sarren, treiteren, uitlokken, grof zijn, schelden, belachelijk maken.',
  },
  {
    level: 4,
    title: 'Bedreiging of intimidatie',
    explanation: '(Non-)verbaal dreigen, dreigen met geweld, intimideren of seksuele intimidatie.',
  },
  {
    level: 5,
    title: 'Fysiek geweld',
    explanation: 'Schoppen, slaan, spugen, beetpakken, trekken, vernielen of voorwerpen gooien.',
  },
] as const;
export type BehaviourLevel = (typeof BEHAVIOUR_LEVELS)[number]['level'];

/** Kinds of boundary-crossing behaviour (domain.md); an incident may have several. */
export const INCIDENT_KINDS = [
  'uitsluiten',
  'pesten',
  'intimidatie',
  'bedreiging',
  'discriminatie',
  'racisme',
  'verbaleAgressie',
  'psychischeAgressie',
  'onlineAgressie',
  'fysiekeAgressie',
  'vernieling',
  'seksueleIntimidatie',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * The planes boundary-crossing behaviour occurs on (the guide, ch. 1: "Grensoverschrijdend gedrag kan
 * voorkomen op fysiek, emotioneel, seksueel of financieel vlak"). Which kinds belong to which plane:
 * behaviour-domains.ts.
 */
export const BEHAVIOUR_DOMAINS = ['fysiek', 'emotioneel', 'seksueel', 'financieel'] as const;
export type BehaviourDomain = (typeof BEHAVIOUR_DOMAINS)[number];

/** Online channels through which an incident can reach the office holder. */
export const ONLINE_CHANNELS = ['email', 'brief', 'voicemail', 'socialeMedia', 'directBericht', 'telefoon'] as const;
export type OnlineChannel = (typeof ONLINE_CHANNELS)[number];

export const ONLINE_CHANNEL_LABELS: Readonly<Record<OnlineChannel, string>> = {
  email: 'E-mail',
  brief: 'Brief',
  voicemail: 'Voicemail',
  socialeMedia: 'Bericht op sociale media',
  directBericht: 'Direct bericht',
  telefoon: 'Telefoon',
};

export const PERPETRATOR_TYPES = ['persoon', 'bedrijf', 'organisatie', 'groep'] as const;
export type PerpetratorType = (typeof PERPETRATOR_TYPES)[number];

/** Platforms an online handle can belong to: the platform is part of a handle's recidive key. */
export const SOCIAL_PLATFORMS = ['instagram', 'x', 'facebook', 'tiktok', 'youtube', 'linkedin', 'telegram', 'snapchat', 'threads', 'bluesky', 'mastodon'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** Injuries; an empty list means no injury. Every value makes the incident serious (Arbeidsinspectie). */
export const INJURIES = ['physical', 'mental', 'hospital', 'lasting', 'death'] as const;
export type Injury = (typeof INJURIES)[number];

export const INJURY_LABELS: Readonly<Record<Injury, string>> = {
  physical: 'Lichamelijk letsel',
  mental: 'Geestelijk letsel',
  hospital: 'Opname in het ziekenhuis',
  lasting: 'Blijvende schade aan de gezondheid',
  death: 'Overlijden',
};

export const CRIMINAL_OFFENCE_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type CriminalOffenceAnswer = (typeof CRIMINAL_OFFENCE_ANSWERS)[number];

export const CRIMINAL_OFFENCE_ANSWER_LABELS: Readonly<Record<CriminalOffenceAnswer, string>> = {
  yes: 'Ja',
  no: 'Nee',
  unsure: 'Weet ik niet',
};

/** Where it happened: a place in the physical world, or a channel (the guide's offline/online). */
export const placeSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('offline'),
    /** Free text; the intake warns never to give a home address. */
    location: shortText,
  }).strict(),
  z.object({
    mode: z.literal('online'),
    channel: z.enum(ONLINE_CHANNELS),
    /** E.g. the platform or phone number it came from. */
    detail: shortText.optional(),
  }).strict(),
]);
export type IncidentPlace = z.infer<typeof placeSchema>;

export const perpetratorSchema = z.object({
  /** Whether the office holder knows who did it. */
  known: z.boolean(),
  type: z.enum(PERPETRATOR_TYPES),
  /** Name or online handle, also when the real identity is unknown. */
  name: shortText.optional(),
  /** The platform of a handle ("@utrechtboos op Instagram"), when the name is one. */
  platform: z.enum(SOCIAL_PLATFORMS).optional(),
  characteristics: mediumText.optional(),
  licencePlate: z.string().trim().min(1).max(TEXT_LIMITS.licencePlate).optional(),
}).strict();
export type Perpetrator = z.infer<typeof perpetratorSchema>;

/** A copy of a letter, e-mail, voicemail or post, stored as a blob; the report holds only its reference. */
export const evidenceFileSchema = z.object({
  fileName: z.string().trim().min(1).max(TEXT_LIMITS.fileName),
  contentType: z.string().trim().min(1).max(TEXT_LIMITS.fileName),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256'),
  blobName: z.string().trim().min(1).max(1024),
}).strict();
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const evidenceSchema = z.object({
  files: z.array(evidenceFileSchema).max(50),
  /** Where the originals are kept (the guide: originals are kept, a copy is attached). */
  keptOriginals: mediumText.optional(),
}).strict();
export type Evidence = z.infer<typeof evidenceSchema>;

export const damageSchema = z.object({
  propertyDamage: z.boolean(),
  absenceFromWork: z.boolean(),
  description: mediumText.optional(),
}).strict();
export type Damage = z.infer<typeof damageSchema>;

/** An incident report (melding) as the office holder gives it (domain.md "What a report holds"). */
export const incidentReportSchema = z.object({
  /** ISO 8601 in UTC, e.g. 2026-11-30T14:05:00Z. */
  incidentAt: z.string().datetime({ offset: false }),
  place: placeSchema,
  /** What happened, with what and how. */
  description: longText,
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  kinds: uniqueArray(z.enum(INCIDENT_KINDS), 1),
  /** Recorded with the kinds at submission (behaviourDomains); absent on reports stored before. */
  domains: uniqueArray(z.enum(BEHAVIOUR_DOMAINS)).optional(),
  perpetrator: perpetratorSchema,
  /** Why it happened, as far as the office holder knows (the police checklist asks "waarom"). */
  motive: mediumText.optional(),
  witnesses: mediumText.optional(),
  evidence: evidenceSchema,
  injury: uniqueArray(z.enum(INJURIES)),
  damage: damageSchema,
  criminalOffenceSuspected: z.enum(CRIMINAL_OFFENCE_ANSWERS),
  /** Reported anyway when false: the basisafspraak asks for every incident. */
  feltHindered: z.boolean(),
  aftercareWishes: mediumText.optional(),
}).strict();
export type IncidentReport = z.infer<typeof incidentReportSchema>;

/**
 * Serious incident: any injury, hospital admission, lasting damage or death. The handler must warn
 * the Arbeidsinspectie within 24 hours.
 */
export function isSeriousIncident(report: Pick<IncidentReport, 'injury'>): boolean {
  return report.injury.length > 0;
}

/**
 * Whether the handler must make an appointment with the police (within 2 working days).
 * 'unsure' counts as suspected: the guide acts on "bestaat het vermoeden", and a layperson's doubt is
 * exactly what the police should judge (a second opinion exists if they find it not punishable).
 * Level 5 counts regardless of the answer: the guide says a criminal offence always leads to
 * aangifte, and hitting, kicking, spitting and vandalism are offences.
 */
export function needsPoliceAppointment(report: Pick<IncidentReport, 'criminalOffenceSuspected' | 'level'>): boolean {
  return report.criminalOffenceSuspected !== 'no' || report.level === 5;
}
