import type { DockwrightCode } from '../errors/codes.js';
import type { LintComment, LintPosition } from './lint-file.js';

/** A `# dockwright:allow CODE[,CODE...] reason` comment, read. */
export interface Suppression {
  readonly codes: readonly string[];
  /** The reason, trimmed; empty when none was given. */
  readonly reason: string;
  readonly position: LintPosition;
}

const PREFIX = /^#?\s*dockwright:allow\b\s*(.*)$/;

/**
 * Reads a suppression comment. The syntax is the one the builder writes for its escape hatches:
 * `# dockwright:allow DW3001 binds port 80`; several codes are separated by commas, and the rest
 * of the line (an optional `reason:` prefix dropped) is the reason.
 *
 * @example
 * ```ts
 * readSuppression({ text: 'dockwright:allow DW5020,DW5018 reason: vendor script', position: { line: 3, column: 1 } });
 * // { codes: ['DW5020', 'DW5018'], reason: 'vendor script', position: ... }
 * ```
 */
export function readSuppression(comment: LintComment): Suppression | undefined {
  const match = PREFIX.exec(comment.text.trim());
  if (match === null) return undefined;
  const rest = (match[1] ?? '').trim();
  const list = /^[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*/.exec(rest)?.[0] ?? '';
  const codes = list.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  const reason = rest.slice(list.length).trim().replace(/^(?:reason\s*:|[:\-—–]+)\s*/i, '').trim();
  return { codes, reason, position: comment.position };
}

/** True when the code is one of the table's. */
export function isKnownCode(code: string, known: ReadonlySet<string>): code is DockwrightCode {
  return known.has(code);
}

/** Peer rules waived by hadolint's and BuildKit's own comments, which teams moving over already have. */
export interface PeerSuppressions {
  /** Waived for the whole file: `# hadolint global ignore=...`, `# check=skip=...`. */
  readonly file: ReadonlySet<string>;
  /** True for `# check=skip=all`: every BuildKit check. */
  readonly allChecks: boolean;
  /** Waived for the instruction below the comment: `# hadolint ignore=DL3008,DL3015`. */
  readonly next: readonly { readonly rules: readonly string[]; readonly position: LintPosition }[];
}

const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)/i;

/**
 * Reads `# hadolint ignore=DL3008` (the next instruction), `# hadolint global ignore=DL3008` and
 * BuildKit's `# check=skip=JSONArgsRecommended,StageNameCasing` or `skip=all` (the whole file).
 *
 * @example
 * ```ts
 * peerSuppressions([{ text: 'hadolint ignore=DL3008', position: { line: 2, column: 1 } }], []).next[0]?.rules; // ['DL3008']
 * ```
 */
export function peerSuppressions(comments: readonly LintComment[], directives: readonly { readonly name: string; readonly value: string }[], ignore: readonly string[] = []): PeerSuppressions {
  const file = new Set<string>(ignore.filter((r) => typeof r === 'string'));
  const next: { rules: string[]; position: LintPosition }[] = [];
  let allChecks = false;
  for (const c of comments) {
    const m = HADOLINT.exec(c.text.trim());
    if (m === null) continue;
    const rules = (m[2] as string).split(',').map((r) => r.trim().toUpperCase());
    if (m[1] !== undefined) for (const r of rules) file.add(r);
    else next.push({ rules, position: c.position });
  }
  for (const d of directives) {
    if (d.name !== 'check') continue;
    for (const option of d.value.split(';')) {
      const [key, value] = option.split('=', 2).map((x) => x.trim());
      if (key?.toLowerCase() !== 'skip' || value === undefined) continue;
      for (const name of value.split(',').map((x) => x.trim())) {
        if (name.toLowerCase() === 'all') allChecks = true;
        else if (name !== '') file.add(name);
      }
    }
  }
  return { file, allChecks, next };
}
