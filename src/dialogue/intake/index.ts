/**
 * The intake dialogue: the questions a report is written with (Dutch), how typed answers and card
 * forms are read, the flow from question to summary. No SDK: a Teams front end (src/teams/intake)
 * renders the prompts; a move to another SDK keeps all of this.
 */
export * from './intake-prompt';
export { INTAKE_STEPS } from './intake-steps';
export type { StepDefinition, StepQuestion, StepRegistry } from './step-definition';
export { detectChannel } from './steps/where.step';
export * from './intake-flow';
export * from './parse-when';
export * from './free-text';
