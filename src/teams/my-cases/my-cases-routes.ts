/**
 * "mijn meldingen" in the office holder's 1:1 chat: the list of their own cases, and its buttons
 * that open a pending measures proposal (the same card and verbs as the one the outbox sent) or the
 * progress card. Every button is authorised on the server: the case is reloaded and shown only when
 * the caller's Entra object id is the case's office holder.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { CaseHandlingService } from '../../app/case-handling.service';
import type { Logger } from '../../app/logger';
import type { Clock } from '../../domain/clock';
import type { Directory } from '../../domain/directory';
import type { CardRenderer } from '../cards/card-renderer';
import { takenHandlerName, userMri } from '../case/case-actions';
import { caseProgressViewModel, measuresProposalViewModel } from '../case/case-cards';
import { sendCard } from '../send-card';
import { MY_CASES_ACTIONS, myCasesViewModel } from './my-cases-card';
import { MY_CASES_TEXT } from '../../copy/my-cases.copy';

export interface MyCasesRouteDependencies {
  caseHandling: Pick<CaseHandlingService, 'ownCases' | 'view'>;
  directory: Directory;
  cards: CardRenderer;
  clock: Clock;
  logger: Logger;
}

const ActionSchema = z.object({
  action: z.enum([MY_CASES_ACTIONS.openProposal, MY_CASES_ACTIONS.openProgress]),
  caseId: z.string().uuid(),
}).passthrough();

/** Whether a card button's data is one of this card's (its action name), valid or not. */
export function isMyCasesAction(value: unknown): boolean {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  return action === MY_CASES_ACTIONS.openProposal || action === MY_CASES_ACTIONS.openProgress;
}

/** Sends the caller's own cases, newest first. */
export async function sendMyCases(context: TurnContext, aadObjectId: string, deps: MyCasesRouteDependencies): Promise<void> {
  const cases = await deps.caseHandling.ownCases(aadObjectId);
  const card = deps.cards.render('my-cases', myCasesViewModel(cases, (c) => takenHandlerName(deps.directory, c)));
  await sendCard(context, card, MY_CASES_TEXT.listSummary(cases.length));
}

/** "Voorstel bekijken" / "Voortgang bekijken": the card for that case, only for its office holder. */
export async function handleMyCasesAction(context: TurnContext, value: unknown, aadObjectId: string, deps: MyCasesRouteDependencies): Promise<void> {
  const parsed = ActionSchema.safeParse(value);
  if (!parsed.success) {
    await context.sendActivity(MY_CASES_TEXT.unknownButton);
    return;
  }
  const viewed = await deps.caseHandling.view(parsed.data.caseId, aadObjectId);
  if (viewed.outcome === 'notFound' || viewed.access !== 'officeHolder') {
    deps.logger.warn('my_cases.refused', { caseId: parsed.data.caseId, code: viewed.outcome === 'notFound' ? 'CASE.NOT_FOUND' : 'CASE.NOT_ALLOWED' });
    await context.sendActivity(MY_CASES_TEXT.notYours);
    return;
  }
  const c = viewed.case;
  const now = deps.clock.now();
  if (parsed.data.action === MY_CASES_ACTIONS.openProposal) {
    // The proposal card as the outbox sends it: its buttons are the case verbs, authorised again on press.
    await sendCard(context, deps.cards.render('measures-proposal', measuresProposalViewModel(c, { now })), MY_CASES_TEXT.proposalSummary(c.caseNumber));
    return;
  }
  const progress = caseProgressViewModel(c, { now, refreshUserIds: [userMri(c.officeHolder.aadObjectId)], handlerName: takenHandlerName(deps.directory, c) });
  await sendCard(context, deps.cards.render('case-progress', progress), MY_CASES_TEXT.progressSummary(c.caseNumber));
}
