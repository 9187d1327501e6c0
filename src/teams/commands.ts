/** The words users type to the bot; the manifest's command list shows the same ones. */
export const PERSONAL_COMMANDS = [
  { command: 'meld incident', description: 'Een incident melden: je wordt stap voor stap door de melding geleid.' },
  { command: 'hoe reageer ik', description: 'Kort advies: zo reageer je, per soort gedrag.' },
  { command: 'voorkomen', description: 'Zo voorkom je incidenten, en dit vraag je van je organisatie.' },
  { command: 'mijn meldingen', description: 'Je eigen meldingen en hun status bekijken.' },
  { command: 'verder', description: 'Verdergaan met een melding die je nog niet hebt afgerond.' },
  { command: 'stop', description: 'Een melding in concept afbreken.' },
  { command: 'help', description: 'Uitleg over wat deze bot doet.' },
] as const;

/** Normalises what a user typed: lower case, no mention markup, single spaces, no trailing punctuation. */
export function normaliseCommandText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .toLowerCase()
    .replace(/[.!?]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
