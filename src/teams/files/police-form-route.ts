import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../app/logger';
import type { PoliceFormService } from '../../app/police-form.service';
import { POLICE_FORM_FAILED_TEXT } from '../../copy/card-actions.copy';
import type { Clock } from '../../domain/clock';
import type { CardRenderer } from '../cards/card-renderer';
import { normaliseCommandText } from '../commands';
import { ProactiveMessenger } from '../proactive-messenger';
import { sendCard } from '../send-card';
import { fileReadyViewModel } from './file-ready-card';

export interface PoliceFormRouteDependencies {
  policeForms: Pick<PoliceFormService, 'offer'>;
  cards: CardRenderer;
  clock: Clock;
  logger: Logger;
}

const COMMAND = /^politieformulier(?:\s+(\S+))?$/;
const CASE_NUMBER = /^wb-\d{4}-\d{5}$/;

/** Whether the message asks for a police form ("politieformulier WB-2026-00012"). */
export function isPoliceFormCommand(text: string | undefined): boolean {
  return COMMAND.test(normaliseCommandText(text));
}

const READY_SUMMARY = 'Je politieformulier staat klaar.';

function policeFormWhat(caseNumber: string): string {
  return `Het informatieformulier voor de politie bij zaak ${caseNumber}: de 7 W's uit de melding (met wat je bij stap 2 aanvulde), de bewijsstukken met hun SHA-256 en het adres van de organisatie. Vul aan wat nog ontbreekt en neem het mee naar de politie.`;
}

/**
 * The "Politieformulier" button on the case card: the PDF goes to the caller's own 1:1 chat with the
 * bot, never to the channel the card is in. `offer` re-checks that the caller handles the case (by Entra
 * object id). 'notFound' for anyone else.
 */
export async function sendPoliceFormToChat(
  deps: PoliceFormRouteDependencies & { directMessages: Pick<ProactiveMessenger, 'sendToUser'> },
  actorAadObjectId: string,
  caseNumber: string,
): Promise<'sent' | 'notFound'> {
  const result = await deps.policeForms.offer(actorAadObjectId, caseNumber);
  if (result.outcome === 'notFound') {
    deps.logger.info('police_form.refused');
    return 'notFound';
  }
  const card = deps.cards.render('file-ready', fileReadyViewModel(policeFormWhat(result.caseNumber), result.fileName, result.offer, deps.clock.now()));
  await deps.directMessages.sendToUser(actorAadObjectId, ProactiveMessenger.message({ card, summary: READY_SUMMARY }));
  deps.logger.info('police_form.offered');
  return 'sent';
}

/** "politieformulier <zaaknummer>" in the 1:1 chat: the PDF for a handler of the case, through a short-lived link. */
export async function sendPoliceForm(context: TurnContext, deps: PoliceFormRouteDependencies): Promise<void> {
  const number = COMMAND.exec(normaliseCommandText(context.activity.text))?.[1];
  if (number === undefined || !CASE_NUMBER.test(number)) {
    await context.sendActivity('Typ "politieformulier" met het zaaknummer erachter, bijvoorbeeld: politieformulier WB-2026-00012.');
    return;
  }
  const actor = context.activity.from?.aadObjectId ?? '';
  try {
    const result = await deps.policeForms.offer(actor, number);
    if (result.outcome === 'notFound') {
      deps.logger.info('police_form.refused');
      await context.sendActivity('Ik vind geen zaak met dit nummer die jij afhandelt. Het politieformulier kan alleen een afhandelaar van de zaak opvragen.');
      return;
    }
    await sendCard(context, deps.cards.render('file-ready', fileReadyViewModel(policeFormWhat(result.caseNumber), result.fileName, result.offer, deps.clock.now())), READY_SUMMARY);
    deps.logger.info('police_form.offered');
  } catch (error) {
    deps.logger.error('police_form.failed', { code: (error as Error).name });
    await context.sendActivity(POLICE_FORM_FAILED_TEXT);
  }
}
