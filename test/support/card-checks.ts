/**
 * Checks every rendered card must pass before it goes to Teams: the Adaptive Cards SDK's own parse
 * and validation, plus what the SDK misses (Teams' version ceiling, Action.Execute verbs, input ids,
 * imBack values, leftover template bindings).
 */
import type * as AdaptiveCards from 'adaptivecards';

// The package's main entry is ESM without file extensions and fails under Node; the UMD bundle
// parses and validates without a DOM. The types are the same.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Newest card version Teams renders. */
export const TEAMS_MAX_CARD_VERSION = '1.5';

/** Every problem found in a rendered card, each as "<json path>: <message>"; empty when the card is fine. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (typeof card !== 'object' || card === null || Array.isArray(card)) return ['$: a card must be a JSON object'];
  const raw = card as Record<string, unknown>;

  const declared = typeof raw.version === 'string' ? raw.version : '';
  const version = AC.Version.parse(declared, new AC.SerializationContext());
  const ceiling = AC.Version.parse(TEAMS_MAX_CARD_VERSION, new AC.SerializationContext());
  if (!version?.isValid) problems.push(`$.version: "${declared}" is not a card version`);
  else if (ceiling && version.compareTo(ceiling) > 0) problems.push(`$.version: ${declared} is newer than ${TEAMS_MAX_CARD_VERSION}, the newest Teams renders`);

  // Parsing against the declared version makes the SDK flag elements and properties newer than it.
  const context = new AC.SerializationContext(version?.isValid ? version : ceiling);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(raw, context);
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    if (event.event !== AC.ValidationEvent.Hint) problems.push(`parse: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    if (event.event !== AC.ValidationEvent.Hint) problems.push(`validate: ${event.message}`);
  }

  walk(raw, '$', problems);
  return problems;
}

/** Throws, listing every problem, unless the card passes `cardProblems`. */
export function assertValidTeamsCard(card: unknown, label = 'card'): void {
  const problems = cardProblems(card);
  if (problems.length > 0) throw new Error(`${label} is not a valid Teams card:\n  ${problems.join('\n  ')}`);
}

function walk(value: unknown, path: string, problems: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('${')) problems.push(`${path}: unresolved template binding`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, problems));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  const type = typeof node.type === 'string' ? node.type : '';
  if (type === 'Action.Execute' && !nonEmpty(node.verb)) {
    problems.push(`${path}: Action.Execute without a verb never reaches the bot`);
  }
  if (type.startsWith('Input.') && !nonEmpty(node.id)) {
    problems.push(`${path}: ${type} without an id sends no value`);
  }
  const msteams = (node.data as { msteams?: { type?: unknown; value?: unknown } } | undefined)?.msteams;
  if (type === 'Action.Submit' && msteams?.type === 'imBack' && !nonEmpty(msteams.value)) {
    problems.push(`${path}: imBack without a value sends an empty message`);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key.includes('${')) problems.push(`${path}.${key}: unresolved template binding in a property name`);
    walk(child, `${path}.${key}`, problems);
  }
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}
