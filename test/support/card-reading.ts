/** Reading rendered Adaptive Cards in tests the way a person (or Teams) would. */
export type Json = Record<string, unknown>;

/** Every node of a card of the given type, in document order (ShowCard cards included). */
export function nodes(value: unknown, type: string | RegExp): Json[] {
  if (Array.isArray(value)) return value.flatMap((v) => nodes(v, type));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Json;
  const matches = typeof node.type === 'string' && (typeof type === 'string' ? node.type === type : type.test(node.type));
  return [...(matches ? [node] : []), ...Object.values(node).flatMap((v) => nodes(v, type))];
}

/** The buttons that reach the bot, without the card-level refresh. */
export function executes(card: Json): Json[] {
  const { refresh: _refresh, ...rest } = card;
  return nodes(rest, 'Action.Execute');
}

/** The one Action.Execute with this verb (and these data values). */
export function execute(card: Json, verb: string, extra: Json = {}): Json {
  const found = executes(card).filter((a) => a.verb === verb && Object.entries(extra).every(([k, v]) => (a.data as Json)[k] === v));
  expect(found).toHaveLength(1);
  return found[0];
}

/** The card inside the one ShowCard with this title. */
export function showCard(card: Json, title: string): Json {
  const found = nodes(card, 'Action.ShowCard').filter((a) => a.title === title);
  expect(found).toHaveLength(1);
  return found[0].card as Json;
}

/** The one input with this id. */
export function input(value: unknown, id: string): Json {
  const found = nodes(value, /^Input\./).filter((i) => i.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

/** What a reader sees: text blocks, facts, input labels and button titles, zero-width spaces removed. */
export function readable(value: unknown): string {
  const parts: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v !== 'object' || v === null) return;
    const node = v as Json;
    if (node.type === 'TextBlock' && typeof node.text === 'string') parts.push(node.text);
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && typeof node.title === 'string') parts.push(node.title);
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof (node.label ?? node.title) === 'string') parts.push(String(node.label ?? node.title));
    if (node.type === 'FactSet') for (const fact of node.facts as { title: string; value: string }[]) parts.push(`${fact.title}: ${fact.value}`);
    Object.values(node).forEach(visit);
  };
  visit(value);
  return parts.join('\n').replace(/\u200B/g, '');
}
