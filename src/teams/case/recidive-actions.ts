/** The recidive buttons of the case card (recidive-view.ts): confirm or reject a suggested match. */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { type CaseActionDependencies, cardFor, errorCard, respond } from './case-actions';
import { CASE_NOT_FOUND_TEXT } from '../../copy/card-actions.copy';
import { RenderedCaseCards } from './rendered-cards';
import { decisionNotice, RECIDIVE_VERBS } from './recidive-view';

/** Ids only: the server reloads the case, authorises the caller and checks the match is still suggested. */
const matchData = z.object({ caseId: z.string().uuid(), matchCaseId: z.string().uuid() }).refine((d) => d.caseId !== d.matchCaseId);

const NOT_FOUND = CASE_NOT_FOUND_TEXT;

/** Registers the two recidive verbs; before the case verbs, whose catch-all answers unknown verbs. */
export function registerRecidiveActions(app: Application<TurnState>, actionDeps: CaseActionDependencies): void {
  // Every answer carries a notice, so no rendered card is kept: a fresh render each time.
  const deps = { ...actionDeps, rendered: new RenderedCaseCards() };
  for (const [verb, decision] of [[RECIDIVE_VERBS.confirm, 'confirmed'], [RECIDIVE_VERBS.reject, 'rejected']] as const) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      await respond(context, deps, async (actor) => {
        const parsed = matchData.safeParse(data);
        if (!parsed.success) return errorCard(deps, NOT_FOUND);
        const outcome = await deps.caseHandling.decideMatch(parsed.data.caseId, actor, parsed.data.matchCaseId, decision);
        if (outcome.outcome === 'notFound') return errorCard(deps, NOT_FOUND);
        return await cardFor(deps, outcome, outcome.outcome === 'refused' ? outcome.message : decisionNotice(decision));
      });
      return '';
    });
  }
}
