/** A report being written: its parts and state, the rules on it, and the home-address rule on its free text. */
export * from './intake-draft';
export * from './report-draft';
export * from './home-address';
