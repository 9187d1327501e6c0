/** Renders the Adaptive Card templates in the repo's `cards/` folder from typed view-models. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileTemplate, TemplateError, type CompiledTemplate } from './template-compiler';

/** Newest Adaptive Card schema version that Teams renders. */
export const MAX_TEAMS_CARD_VERSION = '1.5';

/** An expanded card, ready for `CardFactory.adaptiveCard`. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  [property: string]: unknown;
}

/** Why a card could not be rendered; `code` is stable, `message` names no user data. */
export class CardRenderError extends Error {
  /** Creates the error with a stable code. */
  constructor(
    readonly code: 'CARD.UNKNOWN_TEMPLATE' | 'CARD.INVALID_TEMPLATE' | 'CARD.UNSUPPORTED_VERSION' | 'CARD.UNRESOLVED_BINDING',
    message: string,
  ) {
    super(message);
    this.name = 'CardRenderError';
  }
}

/**
 * The `cards/` folder at the repo root: the nearest folder upwards holding package.json, so it is
 * found from `src/teams/cards` (ts-jest) and from `dist/src/teams/cards` (compiled) alike.
 */
export function defaultCardsDirectory(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'cards');
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * Loads and compiles each template once per instance (template-compiler.ts: adaptivecards-templating's
 * semantics, no expression parsing per render) and expands it for each view-model.
 */
export class CardRenderer {
  private readonly templates = new Map<string, CompiledTemplate>();

  /** Reads templates from `cardsDirectory` (default: the repo's `cards/`). */
  constructor(private readonly cardsDirectory: string = defaultCardsDirectory()) {}

  /**
   * Expands template `name` (file `<name>.json`) with `viewModel` as `$root`. Throws when a binding is
   * left unresolved: the templating library would otherwise show `${...}` to the user. User text must
   * go through `toCardText` first, which also keeps `${` out of it.
   */
  render(name: string, viewModel: object): AdaptiveCardJson {
    const expand = this.template(name);
    let card: AdaptiveCardJson;
    try {
      card = expand(viewModel) as AdaptiveCardJson;
    } catch (error) {
      if (error instanceof TemplateError) throw new CardRenderError('CARD.UNRESOLVED_BINDING', `card "${name}": ${error.message}`);
      throw error;
    }
    if (hasUnresolvedBinding(card)) {
      throw new CardRenderError('CARD.UNRESOLVED_BINDING', `card "${name}" has an unresolved binding at ${findUnresolvedBinding(card, '$')}`);
    }
    return card;
  }

  private template(name: string): CompiledTemplate {
    const cached = this.templates.get(name);
    if (cached) return cached;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new CardRenderError('CARD.UNKNOWN_TEMPLATE', `invalid card name "${name}"`);
    const file = join(this.cardsDirectory, `${name}.json`);
    if (!existsSync(file)) throw new CardRenderError('CARD.UNKNOWN_TEMPLATE', `no card template ${file}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CardRenderError('CARD.INVALID_TEMPLATE', `card template ${file} is not JSON: ${(error as Error).message}`);
    }
    let compiled: CompiledTemplate;
    try {
      compiled = compileTemplate(checkTemplate(parsed, file));
    } catch (error) {
      if (error instanceof TemplateError) throw new CardRenderError('CARD.INVALID_TEMPLATE', `card template ${file}: ${error.message}`);
      throw error;
    }
    this.templates.set(name, compiled);
    return compiled;
  }
}

function checkTemplate(parsed: unknown, file: string): AdaptiveCardJson {
  const card = parsed as Partial<AdaptiveCardJson> | null;
  if (typeof card !== 'object' || card === null || card.type !== 'AdaptiveCard' || typeof card.version !== 'string') {
    throw new CardRenderError('CARD.INVALID_TEMPLATE', `card template ${file} needs "type": "AdaptiveCard" and a "version"`);
  }
  if (!isVersionAtMost(card.version, MAX_TEAMS_CARD_VERSION)) {
    throw new CardRenderError('CARD.UNSUPPORTED_VERSION', `card template ${file} has version ${card.version}; Teams renders up to ${MAX_TEAMS_CARD_VERSION}`);
  }
  return card as AdaptiveCardJson;
}

/** True when a "major.minor" version is no newer than `max`. */
export function isVersionAtMost(version: string, max: string): boolean {
  const parse = (v: string): [number, number] | undefined => {
    const match = /^(\d+)\.(\d+)$/.exec(v);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
  };
  const a = parse(version);
  const b = parse(max);
  if (!a || !b) return false;
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
}

/** True when a string (value or key) still holds `${`; no paths built, as it runs on every render. */
function hasUnresolvedBinding(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${');
  if (Array.isArray(value)) return value.some(hasUnresolvedBinding);
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (key.includes('${') || hasUnresolvedBinding((value as Record<string, unknown>)[key])) return true;
    }
  }
  return false;
}

/** The JSON path of the first string (value or key) still holding `${`, or undefined. */
function findUnresolvedBinding(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('${') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnresolvedBinding(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('${')) return `${path}.${key}`;
      const found = findUnresolvedBinding(child, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
