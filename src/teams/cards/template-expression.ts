/**
 * The `${…}` bindings of a card template, parsed once with adaptive-expressions (the expression
 * language of the Adaptive Cards designer and of adaptivecards-templating) and evaluated many times.
 *
 * The operators the cards use — property paths, `==` `!=` `<` `<=` `>` `>=`, `&&` `||` `!`,
 * `exists`, `empty`, `count`, `if` — run as plain closures with adaptivecards-templating's
 * semantics (case-insensitive property names, an unresolved path becomes the text `${path}`,
 * comparison operands without that substitution, a failing operand makes a comparison false).
 * Any other expression, and any value those closures are not sure about (a Map, comparing two
 * objects), is evaluated by adaptive-expressions itself, as the templating library would: still
 * without parsing anything at render time.
 */
import { Constant, Expression, ExpressionFunctions, ExpressionType, Options, SimpleObjectMemory, type ExpressionEvaluator, type MemoryInterface } from 'adaptive-expressions';

/** Where a binding is evaluated: the view-model (`$root`), the current `$data` and `$index`. */
export interface Scope {
  readonly root: unknown;
  readonly data: unknown;
  readonly index: number | undefined;
  /** Per render: each object's keys by lower-case name (property names match case-insensitively). */
  readonly keys: Map<unknown, Map<string, string>>;
}

/** A binding that failed (the templating library's `error`). */
export const FAILED: unique symbol = Symbol('binding failed');
/** The fast path is not sure: evaluate with adaptive-expressions instead. */
const UNSURE: unique symbol = Symbol('evaluate with adaptive-expressions');
type Result = unknown;
/** `substitute`: an unresolved path becomes the text `${path}` (off inside comparisons and conditions). */
type Fast = (scope: Scope, substitute: boolean) => Result;

/** Thrown at compile time for a binding this renderer cannot evaluate as the templating library would. */
export class UnsupportedBindingError extends Error {}

/** One parsed expression; `evaluate` returns its value or FAILED, exactly as the templating library would. */
export class Evaluation {
  private readonly fast: Fast | undefined;

  constructor(readonly expression: Expression) {
    // The library fills it from its own package.json; this renderer has no such value.
    if (/\$_actemplateversion/i.test(expression.toString())) throw new UnsupportedBindingError(`\${${expression.toString()}}: $_acTemplateVersion is not supported`);
    this.fast = compileFast(expression);
  }

  /** The expression as adaptive-expressions prints it (what the library writes into `${…}` on failure). */
  get text(): string {
    return this.expression.toString();
  }

  evaluate(scope: Scope, substitute: boolean): unknown {
    const value = this.fast ? this.fast(scope, substitute) : UNSURE;
    return value === UNSURE ? evaluateWithLibrary(this.expression, scope, substitute) : value;
  }
}

/** A template string: a constant, one expression whose value keeps its type, or text with bindings. */
export type ParsedString =
  | { kind: 'constant'; value: string }
  | { kind: 'value'; evaluation: Evaluation }
  | { kind: 'text'; parts: (string | Evaluation)[] };

/** Parses a template string as adaptivecards-templating's `Template.parseInterpolatedString` does. */
export function parseTemplateString(text: string): ParsedString {
  if (!text.includes('${')) return { kind: 'constant', value: text };
  const parsed = Expression.parse('`' + text + '`', lookupFunction);
  if (parsed.type !== ExpressionType.Concat) return { kind: 'constant', value: text };
  const children = parsed.children;
  // A string that is a single expression yields that expression's value, with its type.
  const single =
    children.length === 1 && !(children[0] instanceof Constant)
      ? children[0]
      : children.length === 2 && children[0] instanceof Constant && children[0].value === '' && !(children[1] instanceof Constant)
        ? children[1]
        : undefined;
  const root = single ?? parsed;
  if (root.type !== ExpressionType.Concat) return { kind: 'value', evaluation: new Evaluation(root) };
  // Text with bindings (also a lone `concat(…)`, which the library concatenates the same way).
  return { kind: 'text', parts: root.children.map((child) => (child instanceof Constant ? String(child.value) : new Evaluation(child))) };
}

/** The text of an interpolated string: each failed binding stays as `${…}`, as the library does. */
export function interpolate(parts: readonly (string | Evaluation)[], scope: Scope): string {
  let result = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      result += part;
      continue;
    }
    let value: unknown;
    try {
      value = part.evaluate(scope, true);
    } catch {
      value = FAILED;
    }
    // A null or undefined value throws here, as in the library (its `value.toString()`).
    result += value === FAILED ? '${' + part.text + '}' : (value as { toString(): string }).toString();
  }
  return result;
}

/**
 * Standard functions only. The library would accept an unknown name and fail each time it is
 * evaluated (leaving `${…}` in the card or throwing); here it is refused when the template compiles.
 */
function lookupFunction(name: string): ExpressionEvaluator {
  const known = ExpressionFunctions.standardFunctions.get(name);
  if (known === undefined) throw new UnsupportedBindingError(`unknown function "${name}"`);
  return known;
}

// ---------------------------------------------------------------------------------------------
// Fallback: adaptive-expressions with the templating library's memory and options
// ---------------------------------------------------------------------------------------------

function evaluateWithLibrary(expression: Expression, scope: Scope, substitute: boolean): unknown {
  const memory = new SimpleObjectMemory({ $root: scope.root, $data: scope.data, $index: scope.index, $host: undefined });
  const state: MemoryInterface = {
    // A path without `$` is relative to $data.
    getValue: (path: string) => memory.getValue(path.length > 0 && path[0] !== '$' ? `$data.${path}` : path),
    setValue: (path: string, value: unknown) => memory.setValue(path, value),
    version: () => memory.version(),
  };
  let options: Options | undefined;
  if (substitute) {
    options = new Options();
    options.nullSubstitution = (path: string) => '${' + path + '}';
  }
  const { value, error } = expression.tryEvaluate(state, options);
  return error ? FAILED : value;
}

// ---------------------------------------------------------------------------------------------
// Fast path: closures over the parsed expression
// ---------------------------------------------------------------------------------------------

/** A closure for the expression, or undefined when it uses something only the library evaluates. */
function compileFast(expression: Expression): Fast | undefined {
  const children = expression.children.map(compileFast);
  if (children.some((child) => child === undefined)) return undefined;
  const [a, b, c] = children as Fast[];
  switch (expression.type) {
    case ExpressionType.Constant: {
      const value = (expression as Constant).value as unknown;
      return () => value;
    }
    case ExpressionType.Accessor:
      return compilePath(expression);
    case ExpressionType.Equal:
    case ExpressionType.NotEqual: {
      const negate = expression.type === ExpressionType.NotEqual;
      return binary(children as Fast[], (x, y) => {
        const equal = commonEquals(x, y);
        return equal === UNSURE ? UNSURE : negate ? !equal : equal;
      });
    }
    case ExpressionType.LessThan:
    case ExpressionType.LessThanOrEqual:
    case ExpressionType.GreaterThan:
    case ExpressionType.GreaterThanOrEqual:
      return compileComparison(expression.type, children as Fast[]);
    case ExpressionType.Exists:
      return children.length === 1 ? unaryCheck(a, (x) => x != null) : undefined;
    case ExpressionType.Empty:
      return children.length === 1 ? unaryCheck(a, isEmpty) : undefined;
    case ExpressionType.And:
      return (scope) => {
        for (const child of children as Fast[]) {
          const value = child(scope, false);
          if (value === UNSURE) return UNSURE;
          if (value === FAILED || !isLogicTrue(value)) return false;
        }
        return true;
      };
    case ExpressionType.Or:
      return (scope) => {
        let value: Result = false;
        for (let i = 0; i < children.length; i++) {
          value = (children[i] as Fast)(scope, false);
          if (value === UNSURE) return UNSURE;
          if (value === FAILED) {
            // The library then returns the failed operand's own value: only it knows that.
            if (i === children.length - 1) return UNSURE;
            continue;
          }
          if (isLogicTrue(value)) return true;
        }
        return value;
      };
    case ExpressionType.Not:
      return children.length === 1
        ? (scope) => {
            const value = a(scope, false);
            return value === UNSURE ? UNSURE : value === FAILED ? true : !isLogicTrue(value);
          }
        : undefined;
    case ExpressionType.If:
      return children.length === 3
        ? (scope, substitute) => {
            const condition = a(scope, false);
            if (condition === UNSURE) return UNSURE;
            return condition !== FAILED && isLogicTrue(condition) ? b(scope, substitute) : c(scope, substitute);
          }
        : undefined;
    case ExpressionType.Count:
      return children.length === 1
        ? (scope, substitute) => {
            const value = a(scope, substitute);
            if (value === UNSURE || value === FAILED) return value;
            if (typeof value === 'string' || Array.isArray(value)) return value.length;
            if (value instanceof Map) return value.size;
            if (typeof value === 'object') return value === null ? FAILED : Object.keys(value).length;
            return FAILED;
          }
        : undefined;
    default:
      return undefined;
  }
}

/** An operand that fails its check: the library then makes the comparison false. */
const FAILED_OPERAND: unique symbol = Symbol('operand failed its check');

/** A check of one operand, evaluated without substitution; a failing operand gives false. */
function unaryCheck(operand: Fast, check: (value: unknown) => unknown): Fast {
  return (scope) => {
    const value = operand(scope, false);
    if (value === UNSURE) return UNSURE;
    if (value === FAILED) return false;
    const result = check(value);
    return result === FAILED_OPERAND ? false : result;
  };
}

/** Two operands evaluated without substitution; if either fails, the result is false. */
function binary(operands: Fast[], combine: (x: unknown, y: unknown) => Result): Fast | undefined {
  if (operands.length !== 2) return undefined;
  const [left, right] = operands;
  return (scope) => {
    const x = left(scope, false);
    if (x === UNSURE) return UNSURE;
    if (x === FAILED) return false;
    const y = right(scope, false);
    if (y === UNSURE) return UNSURE;
    if (y === FAILED) return false;
    return combine(x, y);
  };
}

function compileComparison(type: string, operands: Fast[]): Fast | undefined {
  const compare = (x: never, y: never): boolean =>
    type === ExpressionType.LessThan ? x < y : type === ExpressionType.LessThanOrEqual ? x <= y : type === ExpressionType.GreaterThan ? x > y : x >= y;
  return binary(operands, (x, y) => {
    // A null operand fails its check (the comparison is false); incomparable values are an error.
    if (x == null || y == null) return false;
    const comparable = (isNumber(x) && isNumber(y)) || (typeof x === 'string' && typeof y === 'string') || (x instanceof Date && y instanceof Date);
    return comparable ? compare(x as never, y as never) : FAILED;
  });
}

/** A property path (`a.b`, `$root.caseId`, `$data`, `$index`) as the templating memory resolves it. */
function compilePath(expression: Expression): Fast | undefined {
  const names: string[] = [];
  for (let node: Expression | undefined = expression; node !== undefined; ) {
    if (node.type !== ExpressionType.Accessor) return undefined; // e.g. `a[0].b`, `first(x).y`: the library's
    names.unshift(String((node.children[0] as Constant).value));
    node = node.children[1];
  }
  const path = names.join('.');
  // As SimpleObjectMemory reads a path: split on . [ ], quotes stripped, from the templating memory.
  const parts = (path[0] === '$' ? path : `$data.${path}`)
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^(['"]).*\1$/.test(part) ? part.slice(1, -1) : part));
  const start = parts[0].toLowerCase();
  const steps = parts.slice(1).map((part) => ({ lower: part.toLowerCase(), index: Number.parseInt(part, 10) }));
  const unresolved = '${' + path + '}';
  return (scope, substitute) => {
    let value: unknown = start === '$root' ? scope.root : start === '$data' ? scope.data : start === '$index' ? scope.index : undefined;
    for (const step of steps) {
      if (!Number.isNaN(step.index) && Array.isArray(value)) {
        if (step.index < 0 || step.index >= value.length) {
          value = undefined;
          break;
        }
        value = value[step.index];
      } else {
        value = property(scope, value, step.lower);
        if (value === UNSURE) return UNSURE;
      }
    }
    return value === undefined && substitute ? unresolved : value;
  };
}

/** A property by name, matched case-insensitively on the first key in key order (as the library does). */
function property(scope: Scope, owner: unknown, lower: string): unknown {
  if (!owner) return undefined;
  if (owner instanceof Map) return UNSURE;
  let keys = scope.keys.get(owner);
  if (keys === undefined) {
    keys = new Map();
    for (const key of Object.keys(owner)) {
      const folded = key.toLowerCase();
      if (!keys.has(folded)) keys.set(folded, key);
    }
    scope.keys.set(owner, keys);
  }
  const key = keys.get(lower);
  return key === undefined ? undefined : (owner as Record<string, unknown>)[key];
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

/** True for anything but false, null and undefined. */
function isLogicTrue(value: unknown): boolean {
  return typeof value === 'boolean' ? value : value != null;
}

/** adaptive-expressions' `empty`: a value that is not a container fails its check. */
function isEmpty(value: unknown): unknown {
  if (value == null) return true;
  if (typeof value === 'string') return value === '';
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return FAILED_OPERAND;
}

/** adaptive-expressions' `commonEquals`, for all but two objects (left to the library). */
function commonEquals(x: unknown, y: unknown): boolean | typeof UNSURE {
  if (x == null || y == null) return x == null && y == null;
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const equal = commonEquals(x[i], y[i]);
      if (equal !== true) return equal;
    }
    return true;
  }
  if (isPlainObjectLike(x) && isPlainObjectLike(y)) return UNSURE;
  if (isNumber(x) && isNumber(y) && Math.abs(x - y) < Number.EPSILON) return true;
  return x === y;
}

/** What adaptive-expressions counts properties of: a Map or an object that is no array or Date. */
function isPlainObjectLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
