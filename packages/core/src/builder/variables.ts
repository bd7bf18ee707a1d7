import type { Template, VarRef } from '../ast/text.js';
import { checkArgument, checkOptions, isVariable, spec, throwIfAny, type ArgSpec } from '../validate/arguments.js';

/**
 * A typed handle to a build argument. Using the handle (never a `$NAME` string) is what lets
 * Dockwright check that every variable is declared where it is used.
 */
export interface Arg<Name extends string = string> {
  readonly kind: 'Arg';
  readonly name: Name;
  readonly default?: string;
  /** True for the platform arguments BuildKit defines itself (`TARGETARCH`, ...). */
  readonly builtin: boolean;
}

/** A variable set by the base image (such as `PATH`), which Dockwright cannot see and does not check. */
export interface ImageEnv {
  readonly kind: 'ImageEnv';
  readonly name: string;
}

/** What a template may embed. */
export type Variable = Arg | ImageEnv;

/** Any text input: a literal string, a template, or a single variable. */
export type TextInput = string | Template | Variable;

/**
 * Declares a build argument and returns its handle. Declare it in a stage with `.arg(handle)`
 * before use; handles used in FROM become global ARGs by themselves.
 *
 * @example
 * ```ts
 * const nodeVersion = arg('NODE_VERSION', { default: '22.11' });
 * stage('app').from(image(tpl`node:${nodeVersion}-bookworm-slim`));
 * ```
 */
export function arg<const Name extends string>(name: Name, options: { default?: string } = {}): Arg<Name> {
  throwIfAny([checkArgument('arg()', 'the name', name, spec.string, {}, "pass the ARG's name: arg('NODE_VERSION')"), ...checkOptions('arg()', options, { default: spec.string })]);
  return Object.freeze({ kind: 'Arg', name, builtin: false, ...(options.default === undefined ? {} : { default: options.default }) });
}

/**
 * Refers to an environment variable of the base image, such as `PATH`. Dockwright cannot see the
 * base image, so this is your statement that the variable exists.
 *
 * @example
 * ```ts
 * stage('app').from(node).env({ PATH: tpl`/app/bin:${imageEnv('PATH')}` });
 * ```
 */
export function imageEnv(name: string): ImageEnv {
  throwIfAny([checkArgument('imageEnv()', 'the name', name, spec.string, {}, "pass the variable's name: imageEnv('PATH')")]);
  return Object.freeze({ kind: 'ImageEnv', name });
}

function builtin<const Name extends string>(name: Name): Arg<Name> {
  return Object.freeze({ kind: 'Arg', name, builtin: true });
}

/**
 * The platform arguments BuildKit sets on every build. Use `BUILDPLATFORM` in
 * `from(...).platform(...)`; declare `TARGETOS`/`TARGETARCH` in a stage with `.arg()` before use.
 *
 * @example
 * ```ts
 * stage('build').from(golang).platform(platformArgs.BUILDPLATFORM).arg(platformArgs.TARGETARCH);
 * ```
 */
export const platformArgs = Object.freeze({
  BUILDPLATFORM: builtin('BUILDPLATFORM'),
  BUILDOS: builtin('BUILDOS'),
  BUILDARCH: builtin('BUILDARCH'),
  BUILDVARIANT: builtin('BUILDVARIANT'),
  TARGETPLATFORM: builtin('TARGETPLATFORM'),
  TARGETOS: builtin('TARGETOS'),
  TARGETARCH: builtin('TARGETARCH'),
  TARGETVARIANT: builtin('TARGETVARIANT'),
});

/**
 * A template of literal text and variables: literal parts are escaped on render, variables
 * render as `$NAME` / `${NAME}`. Interpolated strings and numbers are literal text.
 *
 * @example
 * ```ts
 * const version = arg('VERSION', { default: '1.0.0' });
 * stage('app').from(base).arg(version).label({ 'org.opencontainers.image.version': tpl`v${version}` });
 * ```
 */
export function tpl(strings: TemplateStringsArray, ...values: readonly (Variable | string | number)[]): TemplateWithVars {
  const part: ArgSpec = { what: 'a string, a finite number, or a variable from arg() or imageEnv()', test: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || isVariable(v) };
  throwIfAny([
    checkArgument('tpl', 'the literal parts', strings, spec.arrayOf(spec.string, 'the strings of a tagged template'), {}, 'call it as a tag: tpl`node:${version}`'),
    ...values.map((v, n) => checkArgument('tpl', `value ${n + 1}`, v, part, {}, 'interpolate strings, numbers, arg() handles or imageEnv() variables')),
  ]);
  const parts: (string | VarRef)[] = [];
  const push = (text: string) => {
    // Adjacent literal text is one part, so a template renders the same however it was written.
    const last = parts.at(-1);
    if (typeof last === 'string') parts[parts.length - 1] = last + text;
    else if (text !== '') parts.push(text);
  };
  strings.forEach((s, i) => {
    push(s);
    const v = values[i];
    if (typeof v === 'string' || typeof v === 'number') push(String(v));
    else if (v !== undefined) parts.push({ kind: 'VarRef', name: v.name });
  });
  const variables = values.filter((v): v is Variable => typeof v === 'object');
  return Object.freeze({ kind: 'Template', parts: Object.freeze(parts), variables: Object.freeze(variables) });
}

/** A template that remembers the handles it was made from, so the builder can check their scope. */
export interface TemplateWithVars extends Template {
  readonly variables: readonly Variable[];
}

/** The variables a text input uses. */
export function variablesOf(input: TextInput): readonly Variable[] {
  if (typeof input === 'string') return [];
  if (input.kind === 'Template') return 'variables' in input ? (input as TemplateWithVars).variables : [];
  return [input];
}

/** The AST text of an input. */
export function toText(input: TextInput): string | Template {
  if (typeof input === 'string') return input;
  if (input.kind === 'Template') return Object.freeze({ kind: 'Template', parts: input.parts });
  return Object.freeze({ kind: 'Template', parts: Object.freeze([{ kind: 'VarRef' as const, name: input.name }]) });
}

/** The literal parts of an input joined, for validation of what the user typed. */
export function literalOf(input: TextInput): string {
  if (typeof input === 'string') return input;
  if (input.kind === 'Template') return input.parts.filter((p): p is string => typeof p === 'string').join('');
  return '';
}
