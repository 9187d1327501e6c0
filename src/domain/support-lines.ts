import type { OfficeHolderRole } from './roles';

/**
 * The one source of the support lines and their phone numbers (domain.md "Support lines"): every
 * card, notice, question and reminder that names a line takes it from here, and a test fails on a
 * phone number written anywhere else in src/ or cards/. Only 112 is written out where it is said.
 */

/** A support line shown to the office holder. */
export interface SupportLine {
  readonly name: string;
  readonly phone?: string;
  /** Dutch, one line: what it is for. */
  readonly description: string;
}

/** A support line that can be called. */
export type PhoneLine = SupportLine & { readonly phone: string };

/** The confidential line for political office holders; also on the help, safety and advice cards. */
export const VERTROUWENSLIJN: PhoneLine = {
  name: 'Vertrouwenslijn politieke ambtsdragers',
  phone: '088 5543 288',
  description: 'Mentale steun na een incident en hulp bij het afwegen van melding of aangifte.',
};
/** The mayors' crisis line, 24 hours a day. */
export const CRISISLIJN_NGB: PhoneLine = {
  name: 'Crisislijn Nederlands Genootschap van Burgemeesters',
  phone: '070-373 8080',
  description: '24 uur per dag bereikbaar, speciaal voor burgemeesters.',
};
const SLACHTOFFERLOKET: PhoneLine = {
  name: 'Slachtofferloket Utrecht (arrondissementsparket Midden-Nederland)',
  phone: '088-633 1580',
  description: 'Juridisch advies over het verhalen van schade in ernstige zaken.',
};

const ASSOCIATIONS: Partial<Record<OfficeHolderRole, SupportLine>> = {
  burgemeester: { name: 'Nederlands Genootschap van Burgemeesters (NGB)', description: 'Je kunt het incident ook vertrouwelijk melden bij je beroepsvereniging.' },
  wethouder: { name: 'Wethoudersvereniging', description: 'Je kunt het incident ook vertrouwelijk melden bij je beroepsvereniging.' },
  gemeenteraadslid: { name: 'Vereniging voor Raadsleden', description: 'Je kunt het incident ook vertrouwelijk melden bij je beroepsvereniging.' },
};

/** The support lines that fit an office holder's role: the crisislijn only for mayors, the association of their office. */
export function supportLinesFor(role: OfficeHolderRole | undefined): SupportLine[] {
  const lines: SupportLine[] = [VERTROUWENSLIJN];
  if (role === 'burgemeester') lines.push(CRISISLIJN_NGB);
  lines.push(SLACHTOFFERLOKET);
  const association = role ? ASSOCIATIONS[role] : undefined;
  if (association) lines.push(association);
  return lines;
}
