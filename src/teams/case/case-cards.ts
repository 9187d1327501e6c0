/**
 * The cards for handling a case in Teams: typed view-models for the templates in cards/ (case-card,
 * case-progress, measures-proposal, informed-notice, case-error). No card JSON is built here; the
 * templates hold the layout, the verbs and the button data. Which buttons show is asked of the domain
 * (allowedCommands), so a card never offers a step the server would refuse.
 *
 *   case-card-contract.ts     template names, verbs, input ids, size limits
 *   case-view-parts.ts        pieces the cards share (facts, deadlines, measures)
 *   case-card.ts              the case card in the desk's channel
 *   case-card-actions.ts      its forms and buttons
 *   planned-meetings-view.ts  the meetings planned with the perpetrator, on that card
 *   office-holder-cards.ts    the office holder's progress card and measures proposal
 *   case-notice-cards.ts      the notice to informed parties, and the error card
 */
export * from './case-card-contract';
export * from './case-view-parts';
export * from './case-card';
export * from './case-card-actions';
export * from './planned-meetings-view';
export * from './office-holder-cards';
export * from './case-notice-cards';
