// Just enough TOML for detection (pyproject.toml, Cargo.toml, rust-toolchain.toml): tables,
// string values and arrays of strings. Detection needs names and versions, not a full parser,
// and the package takes no TOML dependency for that.

/** Removes a `#` comment that is not inside a string. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/** The body of each table, by its header: `project`, `project.scripts`, `[bin]` for `[[bin]]` (one entry per table). */
export function tomlTables(text: string): ReadonlyMap<string, readonly string[]> {
  const tables = new Map<string, string[]>();
  let body: string[] = [];
  tables.set('', body);
  for (const raw of text.split(/\r?\n/)) {
    const line = stripComment(raw).trim();
    const header = /^\[(\[?)\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header !== null) {
      const name = header[1] === '[' ? `[${header[2] ?? ''}]` : (header[2] ?? '');
      body = [];
      // Arrays of tables keep each entry: `[bin]#0`, `[bin]#1`, ...
      const key = header[1] === '[' ? `${name}#${[...tables.keys()].filter((k) => k.startsWith(`${name}#`)).length}` : name;
      tables.set(key, body);
      continue;
    }
    if (line !== '') body.push(line);
  }
  return tables;
}

/** The bodies of an array of tables (`[[bin]]`). */
export function tomlTableArray(tables: ReadonlyMap<string, readonly string[]>, name: string): (readonly string[])[] {
  return [...tables.entries()].filter(([k]) => k.startsWith(`[${name}]#`)).map(([, v]) => v);
}

function unquote(value: string): string | undefined {
  const m = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(value.trim());
  if (m === null) return undefined;
  return m[2] ?? (m[1] ?? '').replace(/\\(.)/g, '$1');
}

/** The key's string value in a table body (`name = "api"`), or undefined. */
export function tomlString(body: readonly string[] | undefined, key: string): string | undefined {
  for (const line of body ?? []) {
    const m = /^("?)([A-Za-z0-9_.-]+)\1\s*=\s*(.*)$/.exec(line);
    if (m !== null && m[2] === key) return unquote(m[3] ?? '');
  }
  return undefined;
}

/** The keys of a table body, in order. */
export function tomlKeys(body: readonly string[] | undefined): string[] {
  const keys: string[] = [];
  for (const line of body ?? []) {
    const m = /^"?([A-Za-z0-9_.-]+)"?\s*=/.exec(line);
    if (m?.[1] !== undefined) keys.push(m[1]);
  }
  return keys;
}

/** The strings of an array value, which may span lines (`dependencies = [\n "a",\n "b",\n]`). */
export function tomlStringArray(body: readonly string[] | undefined, key: string): string[] {
  const lines = body ?? [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^"?([A-Za-z0-9_.-]+)"?\s*=\s*(\[.*)$/.exec(lines[i] ?? '');
    if (m === null || m[1] !== key) continue;
    let text = m[2] ?? '';
    const closed = (t: string) => t.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').includes(']');
    for (let j = i + 1; !closed(text) && j < lines.length; j++) text += ` ${lines[j] ?? ''}`;
    return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((s) => s[2] ?? s[1] ?? '');
  }
  return [];
}
