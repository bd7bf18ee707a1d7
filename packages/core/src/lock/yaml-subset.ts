// The part of YAML a lockfile needs: block mappings, block lists of scalars, `[]`/`{}` and flow
// lists of scalars, plain, single- and double-quoted strings, comments. Every scalar stays a
// string (`version: 1` reads '1'); the caller checks the shape.

/** A parsed value: a string, a list, or a mapping. */
export type YamlValue = string | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** The document, or the first problem and its 1-based line. */
export type YamlResult = { readonly ok: true; readonly value: YamlValue } | { readonly ok: false; readonly line: number; readonly message: string };

interface Line {
  readonly no: number;
  readonly indent: number;
  readonly text: string;
}

class YamlSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Drops a ` # comment` that is outside quotes. */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text;
}

function scalar(raw: string, no: number): string {
  const text = raw.trim();
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new YamlSyntaxError(no, `unterminated string ${text}`);
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new YamlSyntaxError(no, `unreadable double-quoted string ${text}`);
    }
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new YamlSyntaxError(no, `unterminated string ${text}`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[&*!|>%@`]/.test(text)) throw new YamlSyntaxError(no, `"${text}" uses YAML this reader does not support (anchors, tags, block strings)`);
  return text;
}

/** Splits the inside of `[a, "b, c"]` on commas outside quotes. */
function flowItems(inner: string, no: number): string[] {
  const items: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i += 1) {
    const c = inner[i];
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') throw new YamlSyntaxError(no, 'nested flow collections are not supported');
    else if (c === ',') {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inner.slice(start));
  return items.map((s) => s.trim()).filter((s, i, all) => s !== '' || i < all.length - 1);
}

function inlineValue(text: string, no: number): YamlValue {
  const t = text.trim();
  if (t === '{}') return {};
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new YamlSyntaxError(no, `unterminated list ${t}`);
    const inner = t.slice(1, -1).trim();
    return inner === '' ? [] : flowItems(inner, no).map((s) => scalar(s, no));
  }
  if (t.startsWith('{')) throw new YamlSyntaxError(no, 'flow mappings are not supported; write one key per line');
  return scalar(t, no);
}

/** The key of `key: value` (plain or quoted) and the rest after the colon, or undefined. */
function splitKey(text: string, no: number): { key: string; rest: string } | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = text[0] as string;
    let i = 1;
    while (i < text.length && text[i] !== q) i += q === '"' && text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new YamlSyntaxError(no, `unterminated key ${text}`);
    const after = text.slice(i + 1);
    if (!after.startsWith(':')) return undefined;
    return { key: scalar(text.slice(0, i + 1), no), rest: after.slice(1) };
  }
  const m = /^([^:#]+?|[^\s#][^#]*?):(?:\s|$)/.exec(`${text} `);
  if (m === null) return undefined;
  const key = (m[1] ?? '').trim();
  return { key, rest: text.slice((m[1] ?? '').length + 1) };
}

function parseBlock(lines: readonly Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const first = lines[start] as Line;
  if (first.text.startsWith('- ') || first.text === '-') {
    const items: YamlValue[] = [];
    let i = start;
    while (i < lines.length) {
      const line = lines[i] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSyntaxError(line.no, 'unexpected indentation in a list');
      if (!(line.text.startsWith('- ') || line.text === '-')) break;
      const rest = line.text.slice(1).trim();
      if (rest === '' || splitKey(rest, line.no) !== undefined) throw new YamlSyntaxError(line.no, 'a list item must be a string');
      items.push(inlineValue(rest, line.no));
      i += 1;
    }
    return { value: items, next: i };
  }
  const map: Record<string, YamlValue> = {};
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new YamlSyntaxError(line.no, 'unexpected indentation');
    if (line.text.startsWith('- ')) break;
    const kv = splitKey(line.text, line.no);
    if (kv === undefined) throw new YamlSyntaxError(line.no, `expected "key: value", found ${JSON.stringify(line.text)}`);
    if (Object.hasOwn(map, kv.key)) throw new YamlSyntaxError(line.no, `the key ${JSON.stringify(kv.key)} appears twice`);
    i += 1;
    if (kv.rest.trim() !== '') {
      map[kv.key] = inlineValue(kv.rest, line.no);
      continue;
    }
    const child = lines[i];
    const nested = child !== undefined && (child.indent > indent || (child.indent === indent && child.text.startsWith('- ')));
    if (!nested) {
      map[kv.key] = '';
      continue;
    }
    const parsed = parseBlock(lines, i, child.indent);
    map[kv.key] = parsed.value;
    i = parsed.next;
  }
  return { value: map, next: i };
}

/**
 * Parses the YAML subset described above.
 *
 * @example
 * ```ts
 * parseYamlSubset('version: 1\nimages: {}\n'); // { ok: true, value: { version: '1', images: {} } }
 * ```
 */
export function parseYamlSubset(text: string): YamlResult {
  const lines: Line[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of raw.entries()) {
    const no = index + 1;
    if (/^(?:<<<<<<<|=======|>>>>>>>)/.test(line)) return { ok: false, line: no, message: 'an unresolved merge conflict marker' };
    if (line.trim() === '---' && lines.length === 0) continue;
    const indentText = /^[ \t]*/.exec(line)?.[0] ?? '';
    const body = stripComment(line.slice(indentText.length)).trimEnd();
    if (body === '') continue;
    if (indentText.includes('\t')) return { ok: false, line: no, message: 'a tab in the indentation (YAML indents with spaces)' };
    lines.push({ no, indent: indentText.length, text: body });
  }
  if (lines.length === 0) return { ok: false, line: 1, message: 'the file is empty' };
  try {
    const { value, next } = parseBlock(lines, 0, (lines[0] as Line).indent);
    const left = lines[next];
    if (left !== undefined) return { ok: false, line: left.no, message: `unexpected ${JSON.stringify(left.text)}` };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof YamlSyntaxError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}
