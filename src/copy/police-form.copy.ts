import type { Case } from '../domain/case';
import { detectHomeAddress } from '../domain/intake/home-address';
import { findOrganisation } from '../domain/organisations';
import { BEHAVIOUR_LEVELS, ONLINE_CHANNEL_LABELS, TEXT_LIMITS } from '../domain/report';
import { INCIDENT_KIND_LABELS, PERPETRATOR_TYPE_LABELS } from './report.copy';
import { OFFICE_HOLDER_ROLE_LABELS } from '../domain/roles';
import { formatDutchDateTime } from './dates.copy';
import { SEVEN_WS, type PoliceFormCompletions, type SevenW } from '../domain/seven-ws';
import { SEVEN_W_LABELS } from './follow-up.copy';

/**
 * The police information form the handler takes to the police (checklist step 4), built from the
 * case: the 7 W's of checklist step 2, the evidence with its SHA-256, the statement that the victim
 * has a public task (step 6) and the organisation's address instead of any home address (step 5).
 * What the report does not answer is marked "nog aanvullen"; the handler completes it on the case
 * at step 2 (the completions), and the form is made again.
 */

export { SEVEN_WS, type PoliceFormCompletions, type SevenW } from '../domain/seven-ws';
export { SEVEN_W_LABELS } from './follow-up.copy';

/** Shown where something is still to be filled in. */
export const STILL_TO_COMPLETE = 'Nog aanvullen';

export interface PoliceFormField {
  readonly w: SevenW;
  readonly label: string;
  readonly question: string;
  /** From the report (and, after a line "Aanvulling afhandelaar:", the handler's completion). */
  readonly text?: string;
  /** True when neither the report nor the handler answered it yet. */
  readonly missing: boolean;
  /** The text seems to hold an address: the handler checks it is no home address. */
  readonly addressWarning: boolean;
}

export interface PoliceFormEvidence {
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface PoliceForm {
  readonly caseNumber: string;
  readonly victim: { readonly name: string; readonly role: string; readonly organisation: string };
  /** The organisation's address, given to the police as the victim's contact address; undefined: not configured yet. */
  readonly contactAddress?: string;
  readonly publicTaskStatement: string;
  readonly privacyStatement: string;
  readonly fields: readonly PoliceFormField[];
  readonly evidence: readonly PoliceFormEvidence[];
  readonly originalsKeptAt?: string;
  /** Dutch, e.g. "maandag 30 november 2026 om 10:00". */
  readonly preparedAt: string;
}

function joinParts(parts: readonly (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p.trim() !== '');
  return present.length === 0 ? undefined : present.join('\n');
}

/** What the report itself says for each W; undefined where it says nothing. */
function fromReport(c: Case): Record<SevenW, string | undefined> {
  const { report } = c;
  const { perpetrator } = report;
  const knownPerpetrator = perpetrator.name !== undefined || perpetrator.characteristics !== undefined || perpetrator.licencePlate !== undefined;
  const level = BEHAVIOUR_LEVELS.find((l) => l.level === report.level);
  return {
    wie: knownPerpetrator || report.witnesses !== undefined
      ? joinParts([
          `Pleger: ${perpetrator.name ?? (perpetrator.known ? 'bekend bij de betrokkene, naam niet opgegeven' : 'onbekend')} (${PERPETRATOR_TYPE_LABELS[perpetrator.type].toLowerCase()})`,
          perpetrator.characteristics && `Kenmerken: ${perpetrator.characteristics}`,
          perpetrator.licencePlate && `Kenteken: ${perpetrator.licencePlate}`,
          report.witnesses && `Getuigen: ${report.witnesses}`,
        ])
      : undefined,
    wat: joinParts([
      report.description,
      `Gedrag: niveau ${report.level}, ${level?.title ?? ''}. Soort: ${report.kinds.map((k) => INCIDENT_KIND_LABELS[k].toLowerCase()).join(', ')}.`,
    ]),
    waar: report.place.mode === 'offline'
      ? report.place.location
      : `Online: ${ONLINE_CHANNEL_LABELS[report.place.channel]}${report.place.detail ? ` (${report.place.detail})` : ''}`,
    // The intake asks for these inside "what happened"; the handler draws them out at step 2.
    waarmee: undefined,
    opWelkeWijze: undefined,
    wanneer: formatDutchDateTime(new Date(report.incidentAt)),
    waarom: report.motive,
  };
}

function cleanCompletion(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return trimmed.length > TEXT_LIMITS.medium ? `${trimmed.slice(0, TEXT_LIMITS.medium - 1)}…` : trimmed;
}

/**
 * The form's content for a case at `now`, with the handler's completions (by default those stored on
 * the case at checklist step 2). The organisation's address comes from the directory (configuration),
 * never from the report.
 */
export function policeFormFields(c: Case, completions: PoliceFormCompletions = c.policeFormCompletions ?? {}, context: { now: Date; organisationAddress?: string }): PoliceForm {
  const report = fromReport(c);
  const fields = SEVEN_WS.map((w): PoliceFormField => {
    const completion = cleanCompletion(completions[w]);
    const text = report[w] === undefined ? completion : completion === undefined ? report[w] : `${report[w]}\nAanvulling afhandelaar: ${completion}`;
    return {
      w,
      ...SEVEN_W_LABELS[w],
      ...(text === undefined ? {} : { text }),
      missing: text === undefined,
      addressWarning: text !== undefined && detectHomeAddress(text).found,
    };
  });
  const organisation = findOrganisation(c.organisationId)?.name ?? c.organisationId;
  const role = OFFICE_HOLDER_ROLE_LABELS[c.officeHolder.role];
  const address = context.organisationAddress?.trim();
  return {
    caseNumber: c.caseNumber,
    victim: { name: c.officeHolder.name, role, organisation },
    ...(address ? { contactAddress: address } : {}),
    publicTaskStatement:
      `${c.officeHolder.name} is ${role.charAt(0).toLowerCase()}${role.slice(1)} van ${organisation} en heeft een publieke taak. ` +
      'Het incident houdt verband met die taak. Neem dit op in de melding of aangifte.',
    privacyStatement: `Geef nooit het woonadres van de betrokkene op. Adres voor contact: het adres van ${organisation}.`,
    fields,
    evidence: c.report.evidence.files.map((f) => ({ fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
    ...(c.report.evidence.keptOriginals ? { originalsKeptAt: c.report.evidence.keptOriginals } : {}),
    preparedAt: formatDutchDateTime(context.now),
  };
}
