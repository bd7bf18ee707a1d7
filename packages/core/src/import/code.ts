/**
 * A value of the generated module: its TypeScript text and the value it evaluates to, so the
 * importer makes each builder call once as text and once for real, from the same typed value.
 */
export interface Code<T> {
  readonly code: string;
  readonly value: T;
}

/**
 * A TypeScript string literal in single quotes.
 *
 * @example
 * ```ts
 * jsString("it's"); // "'it\\'s'"
 * ```
 */
export function jsString(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/**
 * Text for inside a template literal: backquotes, backslashes and `${` escaped.
 *
 * @example
 * ```ts
 * templateText('a`b'); // 'a\\`b'
 * ```
 */
export function templateText(text: string): string {
  return text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
}

/**
 * A literal: a string, number, boolean or array of them, written as TypeScript.
 *
 * @example
 * ```ts
 * literal(['node', 'server.js']).code; // "['node', 'server.js']"
 * ```
 */
export function literal<const T extends string | number | boolean | readonly string[]>(value: T): Code<T> {
  const text = (v: string | number | boolean): string => (typeof v === 'string' ? jsString(v) : String(v));
  return { code: Array.isArray(value) ? `[${value.map(text).join(', ')}]` : text(value as string | number | boolean), value };
}

/**
 * An array of generated values.
 *
 * @example
 * ```ts
 * list([literal('a'), literal('b')]).code; // "['a', 'b']"
 * ```
 */
export function list<T>(items: readonly Code<T>[]): Code<T[]> {
  return { code: `[${items.map((i) => i.code).join(', ')}]`, value: items.map((i) => i.value) };
}

const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsString(k));

/**
 * A record of generated values (ENV, LABEL), in the order given.
 *
 * @example
 * ```ts
 * record([['MODE', literal('fast')]]).code; // '{ MODE: 'fast' }'
 * ```
 */
export function record<T>(entries: readonly (readonly [string, Code<T>])[]): Code<Record<string, T>> {
  return { code: `{ ${entries.map(([k, v]) => `${key(k)}: ${v.code}`).join(', ')} }`, value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])) };
}

/** The fields of an options object: each a generated value, or absent. */
export type Fields<T> = { readonly [K in keyof T]-?: Code<Exclude<T[K], undefined>> | undefined };

/**
 * An options object: the fields that are given, in the order of `fields`; `undefined` when none is.
 *
 * @example
 * ```ts
 * options<{ network?: 'none' }>({ network: literal('none') })?.code; // "{ network: 'none' }"
 * ```
 */
export function options<T extends object>(fields: Fields<T>): Code<T> | undefined {
  const given = Object.entries(fields as Record<string, Code<unknown> | undefined>).filter((e): e is [string, Code<unknown>] => e[1] !== undefined);
  if (given.length === 0) return undefined;
  // Every key is one of T's and every value the type of its field: the object is a T.
  const value = Object.fromEntries(given.map(([k, v]) => [k, v.value])) as T;
  return { code: `{ ${given.map(([k, v]) => `${key(k)}: ${v.code}`).join(', ')} }`, value };
}
