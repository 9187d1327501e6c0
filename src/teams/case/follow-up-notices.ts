/** The short 1:1 texts of the guide's follow-up steps: restrictions adjusted (office holder), support asked (coordinator VPT). */
import type { Case } from '../../domain/case';
import { formatDutchDate } from '../../copy/dates.copy';
import { HANDLER_ROLE_LABELS } from '../../domain/roles';
import { approvedRestrictions } from '../../domain/restrictions';
import { organisationName } from './case-view-parts';

/** To the office holder: the restrictions were extended or adjusted after the herstelgesprek. */
export function restrictionsAdjustedText(c: Case): string {
  const endsAt = approvedRestrictions(c)?.endsAt;
  const until = endsAt === undefined ? '' : ` Ze lopen nu tot en met ${formatDutchDate(endsAt)}.`;
  return `De beperkende maatregelen en contactafspraken bij je melding ${c.caseNumber} zijn na het herstelgesprek verlengd of aangepast.${until} `
    + 'De afhandelaar licht de nieuwe afspraken toe en bevestigt ze schriftelijk aan de pleger.';
}

/** To the coordinator VPT: support asked with warning the Arbeidsinspectie. No names, no incident details. */
export function coordinatorSupportText(c: Case): string {
  return `Ondersteuning gevraagd bij zaak ${c.caseNumber} (${organisationName(c.organisationId)}): een ernstig incident waarvoor de Arbeidsinspectie binnen 24 uur wordt gewaarschuwd. `
    + `Neem contact op met de ${HANDLER_ROLE_LABELS[c.route.handler.role].toLowerCase()} van ${organisationName(c.route.handler.organisationId)}.`;
}
