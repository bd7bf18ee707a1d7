import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { policyFileIssue, type PolicyFileIssue } from '../errors/policy-file-issue.js';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A YAML file read as plain data, with the positions of its keys and values. */
export interface YamlSource {
  readonly value: unknown;
  /** Where the value at `path` starts, or with `key`, where its key is written. */
  locate(path: readonly PropertyKey[], key?: boolean): Position | undefined;
}

/**
 * Parses YAML text, keeping positions. Syntax errors (and duplicate keys) come back as DWP1002
 * issues with their line and column.
 *
 * @example
 * ```ts
 * const read = readYaml('requireDigests: yes please\n', '/repo/dockwright.policy.yaml');
 * if (read.ok) read.source.locate(['requireDigests']); // { line: 1, column: 17 }
 * ```
 */
export function readYaml(text: string, file: string): { ok: true; source: YamlSource } | { ok: false; issues: readonly [PolicyFileIssue, ...PolicyFileIssue[]] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  const [first, ...rest] = doc.errors.map((error) => {
    const at = error.linePos?.[0];
    const message = error.message.split(' at line ')[0] ?? error.message;
    return policyFileIssue('DWP1002', `${message.replace(/\.$/, '')}`, 'fix the YAML syntax at this place', {
      file,
      ...(at === undefined ? {} : { line: at.line, column: at.col }),
    });
  });
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  const position = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  return {
    ok: true,
    source: {
      value: doc.toJS() as unknown,
      locate: (path, key = false) => position(offsetOf(doc, path, key)),
    },
  };
}

function offsetOf(doc: Document, path: readonly PropertyKey[], key: boolean): number | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) return rangeStart(node);
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return rangeStart(node);
      keyNode = undefined;
      node = item;
    } else {
      return rangeStart(node);
    }
  }
  // An empty value (`key:` with nothing after it) has no node of its own: point at the key.
  return key || node === null || node === undefined ? (rangeStart(keyNode) ?? rangeStart(node)) : rangeStart(node);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  return range?.[0];
}
