/** The 7 W's the police ask about (GIR's information form), and what a handler adds to them at checklist step 2. */

export const SEVEN_WS = ['wie', 'wat', 'waar', 'waarmee', 'opWelkeWijze', 'wanneer', 'waarom'] as const;
export type SevenW = (typeof SEVEN_WS)[number];

/** What the handler adds per W (free text, at most SEVEN_W_MAX_LENGTH characters each). */
export type PoliceFormCompletions = Readonly<Partial<Record<SevenW, string>>>;

/** Enough for a few sentences per W; the police form has room for that. */
export const SEVEN_W_MAX_LENGTH = 1000;
