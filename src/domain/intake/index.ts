/** The conversational intake: draft, questions, flow, and the parsers they use. */
export * from './intake-draft';
export { INTAKE_STEPS, detectChannel, normaliseLicencePlate, type StepDefinition, type StepQuestion, type StepRegistry } from './intake-steps';
export * from './intake-flow';
export * from './parse-when';
export * from './home-address';
export * from './free-text';
