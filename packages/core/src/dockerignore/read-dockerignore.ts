/** One line of a `.dockerignore`, read as BuildKit reads it. */
export interface IgnorePattern {
  /** The pattern after cleaning: `/` stripped at the start, `.` and `..` resolved, no trailing `/`. */
  readonly pattern: string;
  /** True for a `!` line: files it matches are back in the context. */
  readonly exception: boolean;
  /** 1-based line in the file. */
  readonly line: number;
  readonly regexp: RegExp;
}

/** A `.dockerignore`, read: its patterns in order, and the lines that are not valid patterns. */
export interface DockerignoreRules {
  readonly patterns: readonly IgnorePattern[];
  readonly invalid: readonly { readonly line: number; readonly text: string; readonly reason: string }[];
  /**
   * The pattern that keeps `path` (relative to the context) out of the build context, or
   * undefined when the path is in the context: the last pattern that matches the path or one of
   * its parent directories decides, as BuildKit's pattern matcher does.
   */
  excludedBy(path: string): IgnorePattern | undefined;
}

/** Go's `path.Clean`: `.` and `..` resolved, repeated and trailing slashes dropped; `''` is `.`. */
function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out.at(-1) !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

const REGEXP_SPECIAL = /[.$^+(){}|]/;
// A character matched as itself: escaped only where the regular expression would read it otherwise.
const literal = (ch: string) => (/[\\^$.*+?()[\]{}|\/-]/.test(ch) ? `\\${ch}` : ch);

/** A character class `[...]` at `at` as Go's filepath.Match accepts it, or a reason it is not one. */
function readClass(pattern: string, at: number): { regexp: string; end: number } | string {
  let i = at + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i += 1;
  }
  let items = 0;
  for (;;) {
    const ch = pattern[i];
    if (ch === undefined) return 'a [ without its ]';
    if (ch === ']' && items > 0) return { regexp: `${out}]`, end: i };
    const lo = readClassChar(pattern, i);
    if (typeof lo === 'string') return lo;
    i = lo.next;
    out += lo.text;
    if (pattern[i] === '-') {
      const hi = readClassChar(pattern, i + 1);
      if (typeof hi === 'string') return hi;
      i = hi.next;
      out += `-${hi.text}`;
    }
    items += 1;
  }
}

function readClassChar(pattern: string, at: number): { text: string; next: number } | string {
  const ch = pattern[at];
  if (ch === undefined) return 'a [ without its ]';
  if (ch === '\\') {
    const escaped = pattern[at + 1];
    if (escaped === undefined) return 'a \\ at the end';
    return { text: literal(escaped), next: at + 2 };
  }
  if (ch === '-' || ch === ']') return `a ${ch} where a character is expected in [...]`;
  return { text: ch === '[' ? '\\[' : ch, next: at + 1 };
}

/** The regular expression BuildKit's pattern matcher makes of a cleaned pattern, or why it cannot. */
function compile(pattern: string): RegExp | string {
  let out = '^';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i += 1;
        // `**/` is `**`: any number of directories, none included.
        if (pattern[i + 1] === '/') i += 1;
        out += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return 'a \\ at the end';
      out += literal(next);
      i += 1;
    } else if (ch === '[') {
      const found = readClass(pattern, i);
      if (typeof found === 'string') return found;
      out += found.regexp;
      i = found.end;
    } else if (ch === ']') out += '\\]';
    else out += REGEXP_SPECIAL.test(ch) ? `\\${ch}` : ch;
  }
  try {
    return new RegExp(`${out}$`, 'su');
  } catch {
    return 'not a valid pattern';
  }
}

/**
 * Reads a `.dockerignore` as BuildKit does (moby's patternmatcher): one pattern a line, spaces
 * around it and `#` comment lines ignored, `!` for an exception, the pattern cleaned like a
 * path with a leading `/` dropped (patterns are relative to the context root); `*` and `?`
 * within one path segment, `[a-z]` classes, `\` escapes, and `**` for any number of
 * directories. A pattern that matches a directory excludes everything in it; the last matching
 * line wins, so `!keep.pem` after `**\/*.pem` lets that one file in.
 *
 * @example
 * ```ts
 * import { readDockerignore } from '@dockwright/core';
 * const ignore = readDockerignore('**\/*.pem\n!acme-ca.pem\n');
 * ignore.excludedBy('certs/server.pem')?.pattern; // '**\/*.pem'
 * ignore.excludedBy('acme-ca.pem'); // undefined
 * ```
 */
export function readDockerignore(text: string): DockerignoreRules {
  if (typeof text !== 'string') throw new TypeError('readDockerignore(text): text must be the file as a string');
  const patterns: IgnorePattern[] = [];
  const invalid: { line: number; text: string; reason: string }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      let pattern = raw.trim();
      if (pattern === '' || pattern.startsWith('#')) return;
      const exception = pattern.startsWith('!');
      if (exception) {
        pattern = pattern.slice(1).trim();
        if (pattern === '') {
          invalid.push({ line: index + 1, text: raw, reason: 'a ! with no pattern after it' });
          return;
        }
      }
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
      const regexp = compile(pattern);
      if (typeof regexp === 'string') invalid.push({ line: index + 1, text: raw, reason: regexp });
      else patterns.push(Object.freeze({ pattern, exception, line: index + 1, regexp }));
    });
  const excludedBy = (path: string): IgnorePattern | undefined => {
    const file = cleanPath(String(path).replace(/^\/+/, '')) || '.';
    const parts = file.split('/');
    const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
    let decided: IgnorePattern | undefined;
    for (const p of patterns) {
      // An exception only matters once something excluded the file; a pattern only when it is not excluded yet.
      if (p.exception !== (decided !== undefined)) continue;
      if (p.regexp.test(file) || parents.some((parent) => p.regexp.test(parent))) decided = p.exception ? undefined : p;
    }
    return decided;
  };
  return Object.freeze({ patterns: Object.freeze(patterns), invalid: Object.freeze(invalid), excludedBy });
}
