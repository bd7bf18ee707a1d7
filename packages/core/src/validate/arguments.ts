// Run-time checks of what reaches the public API: plain JavaScript, `any` and values read from
// files get past the types, so every public function checks the kind and range of what it is
// given and answers with a coded issue that names the argument, never a rendering of `undefined`.
import type { DockwrightCode } from '../errors/codes.js';
import { DockwrightError } from '../errors/dockwright-error.js';
import { issue, type DockwrightIssue, type IssuePath } from '../errors/issue.js';

/** What one argument must be: a description for the message, and the test. */
export interface ArgSpec {
  readonly what: string;
  readonly test: (value: unknown) => boolean;
}

/** A short, safe description of a value for a message: `undefined`, `the number 1.5`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'bigint':
      return `the bigint ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default: {
      const kind = (value as { kind?: unknown }).kind;
      return typeof kind === 'string' ? `a ${kind} value` : 'an object';
    }
  }
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isVarRef = (p: unknown) => isRecord(p) && p['kind'] === 'VarRef' && typeof p['name'] === 'string';

/** A text input: a string, a `tpl` template, or an ARG / image variable handle. */
export function isTextInput(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isRecord(value)) return false;
  if (value['kind'] === 'Template') {
    const parts = value['parts'];
    const variables = value['variables'];
    return Array.isArray(parts) && parts.every((p) => typeof p === 'string' || isVarRef(p)) && (variables === undefined || (Array.isArray(variables) && variables.every(isVariable)));
  }
  return isVariable(value);
}

/** An ARG handle (`arg()`, `platformArgs`) or an image variable (`imageEnv()`). */
export function isVariable(value: unknown): boolean {
  return isRecord(value) && (value['kind'] === 'Arg' || value['kind'] === 'ImageEnv') && typeof value['name'] === 'string';
}

/** The specs the API uses, each with the words a message shows. */
export const spec = {
  string: { what: 'a string', test: (v: unknown) => typeof v === 'string' } as ArgSpec,
  text: { what: 'a string or a tpl`...` template', test: isTextInput } as ArgSpec,
  boolean: { what: 'true or false', test: (v: unknown) => typeof v === 'boolean' } as ArgSpec,
  object: { what: 'an object', test: isRecord } as ArgSpec,
  function: { what: 'a function', test: (v: unknown) => typeof v === 'function' } as ArgSpec,
  /** A whole number from `min` to `max` (safe integers only: no 1.5, NaN, Infinity or 1e21). */
  integer: (min: number, max: number): ArgSpec => ({
    what: `a whole number from ${min} to ${max}`,
    test: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max,
  }),
  oneOf: (...values: readonly (string | boolean)[]): ArgSpec => ({
    what: values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ').replace(/, ([^,]*)$/, ' or $1'),
    test: (v) => values.includes(v as string | boolean),
  }),
  /** An array whose every item fits `item`; `what` names it for messages (`an array of strings`). */
  arrayOf: (item: ArgSpec, what: string): ArgSpec => ({
    what,
    test: (v) => Array.isArray(v) && v.every((x) => item.test(x)),
  }),
  either: (...specs: readonly ArgSpec[]): ArgSpec => ({
    what: specs.map((s) => s.what).join(' or '),
    test: (v) => specs.some((s) => s.test(v)),
  }),
  recordOf: (item: ArgSpec): ArgSpec => ({
    what: `an object whose values are each ${item.what}`,
    test: (v) => isRecord(v) && Object.values(v).every((x) => item.test(x)),
  }),
} as const;

/** The largest id a 32-bit uid_t/gid_t holds, as BuildKit's `ParseUint(v, 10, 32)` reads mount ids. */
export const MAX_ID = 4294967295;

/**
 * The issue for an argument that is not what the call takes (DW9005 unless another code fits).
 *
 * @example
 * ```ts
 * wrongArgument('arg()', 'the name', spec.string, undefined).message; // 'arg(): the name is undefined, not a string'
 * ```
 */
export function wrongArgument(call: string, name: string, expected: ArgSpec, got: unknown, path: IssuePath = {}, code: DockwrightCode = 'DW9005', hint?: string): DockwrightIssue {
  return issue(code, `${call}: ${name} is ${describeValue(got)}, not ${expected.what}`, hint ?? `pass ${expected.what} as ${name}`, path);
}

/**
 * Checks one argument; undefined when it fits.
 *
 * @example
 * ```ts
 * checkArgument('cmd()', 'the argv', spec.arrayOf(spec.string, 'an array of strings'), ['node']); // undefined
 * ```
 */
export function checkArgument(call: string, name: string, value: unknown, expected: ArgSpec, path: IssuePath = {}, hint?: string): DockwrightIssue | undefined {
  return expected.test(value) ? undefined : wrongArgument(call, name, expected, value, path, 'DW9005', hint);
}

/**
 * Checks an options object: an object (or undefined), no unknown keys (a typo such as `chmown`
 * would otherwise do nothing), and each given key as its spec says.
 *
 * @example
 * ```ts
 * checkOptions('tmpfsMount()', { size: 1.5 }, { size: spec.integer(0, Number.MAX_SAFE_INTEGER) }).length; // 1
 * ```
 */
export function checkOptions(call: string, options: unknown, shape: Readonly<Record<string, ArgSpec>>, path: IssuePath = {}, hint?: string): DockwrightIssue[] {
  if (options === undefined) return [];
  if (!isRecord(options)) return [wrongArgument(call, 'the options argument', spec.object, options, path, 'DW9005', hint)];
  const found: DockwrightIssue[] = [];
  for (const [key, value] of Object.entries(options)) {
    const expected = shape[key];
    if (expected === undefined) {
      const known = Object.keys(shape);
      found.push(issue('DW9005', `${call}: unknown option ${JSON.stringify(key)}`, known.length === 0 ? 'pass no options' : `the options are ${known.join(', ')}`, path));
    } else if (value !== undefined && !expected.test(value)) {
      found.push(wrongArgument(call, `option ${key}`, expected, value, path));
    }
  }
  return found;
}

/**
 * Throws one DockwrightError for the issues found, for functions that return a plain value
 * (`arg()`, `tpl`, `parseDockerfile()`...) and so have no issue list to carry them.
 *
 * @example
 * ```ts
 * throwIfAny([checkArgument('imageEnv()', 'the name', 42, spec.string)]); // throws DW9005
 * ```
 */
export function throwIfAny(found: readonly (DockwrightIssue | undefined)[]): void {
  const issues = found.filter((i): i is DockwrightIssue => i !== undefined);
  const [first, ...rest] = issues;
  if (first !== undefined) throw new DockwrightError([first, ...rest]);
}

/** A Dockerfile AST at its top level (`dockerfile(stage).ast`); the printers check the values. */
export const dockerfileNode: ArgSpec = {
  what: 'a Dockerfile AST from dockerfile(stage).ast',
  test: (v) => isRecord(v) && v['kind'] === 'Dockerfile' && Array.isArray(v['stages']) && Array.isArray(v['args']) && Array.isArray(v['header']),
};
