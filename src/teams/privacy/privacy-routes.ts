import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import type { OwnDataService } from '../../app/own-data.service';
import type { RetentionService } from '../../app/retention.service';
import { DomainError } from '../../domain/errors';
import { findOrganisation } from '../../domain/organisations';
import { AMSTERDAM } from '../../domain/working-days';
import { userMessageOf } from '../../copy/errors.copy';

/** The privacy commands of the 1:1 chat (README "Privacy"). */
export const OWN_DATA_COMMANDS = ['mijn gegevens', 'mijn data'];
export const RETENTION_COMMAND = 'bewaartermijn';
export const RETENTION_CONFIRM_COMMAND = 'bewaartermijn bevestigen';
/** The dry-run list shows this many lines; the rest is counted. */
const PREVIEW_LINES = 40;

export interface PrivacyRouteDependencies {
  retention: Pick<RetentionService, 'preview' | 'confirm'>;
  ownData: Pick<OwnDataService, 'exportFor'>;
}

/** What the intake route does next: nothing, or offer to delete the caller's open draft (its own confirm card). */
export type PrivacyOutcome = 'notPrivacy' | 'handled' | 'offerDraftDeletion';

const day = (at: Date) => DateTime.fromJSDate(at, { zone: AMSTERDAM }).toFormat('dd-MM-yyyy');
const time = (at: Date) => DateTime.fromJSDate(at, { zone: AMSTERDAM }).toFormat('dd-MM-yyyy HH:mm');

/**
 * Answers a privacy command; every check is on the caller's Entra object id (the retention list and
 * its confirmation only for the coordinator VPT, own data only for oneself). Texts hold generated case
 * numbers, organisation names from our own list and dates: no user text.
 */
export async function handlePrivacyCommand(context: TurnContext, aadObjectId: string, command: string, deps: PrivacyRouteDependencies): Promise<PrivacyOutcome> {
  try {
    if (OWN_DATA_COMMANDS.includes(command)) {
      const { offer, hasDraft } = await deps.ownData.exportFor(aadObjectId);
      await context.sendActivity(
        `Alles wat deze bot over jou bewaart, staat in één bestand: [download je gegevens](${offer.url}). De link werkt tot ${time(offer.expiresAt)} en alleen voor jou.` +
          (hasDraft ? '\n\nJe hebt ook een melding in concept. Die kun je hieronder verwijderen.' : ''),
      );
      return hasDraft ? 'offerDraftDeletion' : 'handled';
    }
    if (command === RETENTION_COMMAND) {
      await context.sendActivity(await retentionText(aadObjectId, deps));
      return 'handled';
    }
    if (command === RETENTION_CONFIRM_COMMAND) {
      const confirmation = await deps.retention.confirm(aadObjectId);
      await context.sendActivity(`Opschonen staat aan (bevestigd op ${time(confirmation.at)}). Elke dag worden de zaken waarvan de bewaartermijn voorbij is teruggebracht tot een anonieme registratie.`);
      return 'handled';
    }
    return 'notPrivacy';
  } catch (error) {
    if (error instanceof DomainError) {
      await context.sendActivity(userMessageOf(error));
      return 'handled';
    }
    throw error;
  }
}

async function retentionText(aadObjectId: string, deps: PrivacyRouteDependencies): Promise<string> {
  const { lines, confirmation, retentionDays } = await deps.retention.preview(aadObjectId);
  const head = `**Bewaartermijn**\n\nAfgesloten zaken worden ${retentionDays} dagen na het afsluiten teruggebracht tot een anonieme registratie voor de cijfers. Namen, teksten en bewijsstukken gaan dan weg. Open zaken blijven altijd staan.`;
  const list =
    lines.length === 0
      ? 'Er zijn nog geen afgesloten zaken.'
      : lines
          .slice(0, PREVIEW_LINES)
          .map((l) => `- ${l.caseNumber} · ${findOrganisation(l.organisationId)?.name ?? l.organisationId} · afgesloten ${day(l.closedAt)} · opschonen vanaf ${day(l.purgeAt)}`)
          .join('\n') + (lines.length > PREVIEW_LINES ? `\n\nEn nog ${lines.length - PREVIEW_LINES} zaken.` : '');
  const state = confirmation
    ? `Opschonen staat aan sinds ${time(confirmation.at)}.`
    : 'Opschonen staat nog uit: er wordt niets verwijderd. Klopt de lijst? Typ **bewaartermijn bevestigen** om het opschonen aan te zetten.';
  return `${head}\n\n${list}\n\n${state}`;
}
