/**
 * Compiles an Adaptive Card template (the JSON in `cards/`, as the designer shows it) once into a
 * function that expands it for a view-model, with adaptivecards-templating's semantics:
 * - a string that is one `${expression}` takes that expression's value, with its type (an array,
 *   a number, a boolean); other strings interpolate, and a failed binding stays as `${…}` text;
 * - `$data` binds an object (or repeats it for each item of an array, with `$index`); `$root` is
 *   the view-model throughout; `$when` keeps an object only when it evaluates to true;
 * - a repeated or removed item is spliced into, or dropped from, the array it is in;
 * - the reserved keys (`$data`, `$when`, `$root`, `$index`, `$host`, `$_acTemplateVersion`) never
 *   reach the card.
 * test/cards/template-compiler.test.ts holds the library and this compiler to the same output.
 */
import { FAILED, interpolate, parseTemplateString, UnsupportedBindingError, type Scope } from './template-expression';

/** Expands a compiled template for one view-model (`$root`). */
export type CompiledTemplate = (root: unknown) => unknown;

/**
 * A template this compiler cannot expand faithfully (`stage` 'compile'), or a binding that failed
 * for a view-model ('render'). `path` is the JSON path in the template; the message names no data.
 */
export class TemplateError extends Error {
  constructor(
    readonly stage: 'compile' | 'render',
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'TemplateError';
  }
}

const RESERVED_KEYS = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

type Expand = (scope: Scope) => unknown;

/** Compiles `template` (parsed JSON); throws a TemplateError for what this compiler cannot expand faithfully. */
export function compileTemplate(template: unknown): CompiledTemplate {
  const expand = compileNode(template, '$');
  return (root) => expand({ root, data: root, index: undefined, keys: new Map() });
}

function compileNode(node: unknown, path: string): Expand {
  if (typeof node === 'string') return compileString(node, path);
  if (Array.isArray(node)) return compileArray(node, path);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>, path);
  return () => node;
}

function compileString(text: string, path: string): Expand {
  const parsed = parse(text, path);
  if (parsed.kind === 'constant') return () => parsed.value;
  if (parsed.kind === 'text') return (scope) => interpolate(parsed.parts, scope);
  const { evaluation } = parsed;
  return (scope) => {
    const value = evaluation.evaluate(scope, true);
    if (value === FAILED) throw new TemplateError('render', path, `\${${evaluation.text}} could not be evaluated for this view-model`);
    return value;
  };
}

function compileArray(items: readonly unknown[], path: string): Expand {
  const compiled = items.map((item, i) => compileNode(item, `${path}[${i}]`));
  return (scope) => {
    const result: unknown[] = [];
    for (const expand of compiled) {
      const value = expand(scope);
      // A removed object disappears; a repeated one is spliced in.
      if (value === null) continue;
      if (Array.isArray(value)) result.push(...value);
      else result.push(value);
    }
    return result;
  };
}

function compileObject(node: Record<string, unknown>, path: string): Expand {
  const properties = Object.keys(node)
    .filter((key) => !RESERVED_KEYS.has(key))
    .map((key) => ({ key, expand: compileNode(node[key], `${path}.${key}`) }));
  const keep = compileWhen(node.$when, `${path}.$when`);
  const dataOf = '$data' in node ? compileData(node.$data, `${path}.$data`) : undefined;

  const expandOne = (scope: Scope): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const { key, expand } of properties) {
      const value = expand(scope);
      if (value !== undefined) result[key] = value;
    }
    return result;
  };

  if (dataOf === undefined) return (scope) => (keep(scope) ? expandOne(scope) : null);
  return (scope) => {
    const data = dataOf(scope);
    const items = Array.isArray(data) ? data : [data];
    const results: Record<string, unknown>[] = [];
    // As in the library, an undefined item keeps the $data before it.
    let current = scope.data;
    for (let i = 0; i < items.length; i++) {
      if (items[i] !== undefined) current = items[i];
      const itemScope: Scope = { root: scope.root, data: current, index: Array.isArray(data) ? i : scope.index, keys: scope.keys };
      if (keep(itemScope)) results.push(expandOne(itemScope));
    }
    return results.length === 0 ? null : results.length === 1 ? results[0] : results;
  };
}

/** `$when`: an expression must give true; a constant that is set (not an expression) always removes. */
function compileWhen(when: unknown, path: string): (scope: Scope) => boolean {
  if (typeof when !== 'string' || !when.includes('${')) return when ? () => false : () => true;
  const parsed = parse(when, path);
  // Text around a binding makes a string, never true.
  if (parsed.kind !== 'value') return () => false;
  const { evaluation } = parsed;
  return (scope) => evaluation.evaluate(scope, false) === true;
}

/** `$data`: an expression, or literal data (copied for each render, so no card shares it). */
function compileData(data: unknown, path: string): Expand {
  if (typeof data === 'string' && data.includes('${')) {
    const parsed = parse(data, path);
    if (parsed.kind === 'text') return (scope) => interpolate(parsed.parts, scope);
    if (parsed.kind === 'constant') return () => parsed.value;
    const { evaluation } = parsed;
    return (scope) => {
      const value = evaluation.evaluate(scope, true);
      if (value === FAILED) throw new TemplateError('render', path, `\${${evaluation.text}} could not be evaluated for this view-model`);
      return value;
    };
  }
  if (JSON.stringify(data).includes('${')) throw new TemplateError('compile', path, 'literal $data with bindings inside is not supported; bind $data to the view-model instead');
  return () => structuredClone(data);
}

function parse(text: string, path: string): ReturnType<typeof parseTemplateString> {
  try {
    return parseTemplateString(text);
  } catch (error) {
    const reason = error instanceof UnsupportedBindingError ? error.message : `not a valid binding expression (${(error as Error).message.split('\n')[0]})`;
    throw new TemplateError('compile', path, reason);
  }
}
