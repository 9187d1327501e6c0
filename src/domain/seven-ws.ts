/** The 7 W's the police ask about (GIR's information form), and what a handler adds to them at checklist step 2. */

export const SEVEN_WS = ['wie', 'wat', 'waar', 'waarmee', 'opWelkeWijze', 'wanneer', 'waarom'] as const;
export type SevenW = (typeof SEVEN_WS)[number];

export const SEVEN_W_LABELS: Readonly<Record<SevenW, { readonly label: string; readonly question: string }>> = {
  wie: { label: 'Wie', question: 'Wie deed het, wie was erbij (pleger, getuigen)?' },
  wat: { label: 'Wat', question: 'Wat is er gebeurd?' },
  waar: { label: 'Waar', question: 'Waar gebeurde het (plaats of kanaal)?' },
  waarmee: { label: 'Waarmee', question: 'Waarmee (wapen, voorwerp, middel, bericht)?' },
  opWelkeWijze: { label: 'Op welke wijze', question: 'Hoe ging het in zijn werk?' },
  wanneer: { label: 'Wanneer', question: 'Datum en tijd van het incident.' },
  waarom: { label: 'Waarom', question: 'Wat was voor zover bekend de aanleiding?' },
};

/** What the handler adds per W (free text, at most SEVEN_W_MAX_LENGTH characters each). */
export type PoliceFormCompletions = Readonly<Partial<Record<SevenW, string>>>;

/** Enough for a few sentences per W; the police form has room for that. */
export const SEVEN_W_MAX_LENGTH = 1000;
