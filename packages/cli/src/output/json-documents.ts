import type { LintDiagnostic } from '@dockwright/core';
import type { CliIssue } from '../errors/cli-issue.js';
import type { LockReport } from '../lock/lock-report.js';
import type { PrintResult } from '../render/run-print.js';
import type { RenderReport } from './render-report.js';
import type { Io } from './io.js';

import { JSON_SCHEMA_VERSION } from './json-schema-version.js';

export { JSON_SCHEMA_VERSION };

/** What every `--json` document starts with. */
export interface JsonDocumentBase {
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly ok: boolean;
  /** The process's exit code: 0, 1 or 2. */
  readonly exitCode: 0 | 1 | 2;
}

/** `dockwright print --json`. */
export type PrintDocument = JsonDocumentBase & { readonly command: 'print' } & PrintResult;

/** `dockwright lint --json` (or `--format json`). */
export interface LintDocument extends JsonDocumentBase {
  readonly command: 'lint';
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly infos: number };
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly LintDiagnostic[] }[];
  /** Files that could not be read (DWC3004). */
  readonly issues: readonly CliIssue[];
}

/** One file of `dockwright fmt --json`. */
export interface FmtFileReport {
  readonly file: string;
  /** `formatted`: rewritten; `unchanged`: already canonical; `unformatted`: --check found a difference; `failed`: see issues. */
  readonly status: 'formatted' | 'unchanged' | 'unformatted' | 'failed';
  /** For `unformatted`: the unified diff to the formatted text. */
  readonly diff?: string;
  readonly issues?: readonly CliIssue[];
}

/** `dockwright fmt --json`. */
export interface FmtDocument extends JsonDocumentBase {
  readonly command: 'fmt';
  readonly check: boolean;
  readonly files: readonly FmtFileReport[];
}

/** `dockwright import --json`: the module, or why the file could not be imported. */
export type ImportDocument = JsonDocumentBase & { readonly command: 'import'; readonly file: string } & (
    | { readonly ok: true; readonly source: string; readonly raw: number; readonly skipped: readonly { readonly line: number; readonly text: string }[]; readonly issues: readonly CliIssue[]; readonly notes: readonly { readonly line: number; readonly message: string }[] }
    | { readonly ok: false; readonly issues: readonly CliIssue[] }
  );

/** A usage or configuration error of any command with `--json` (exit 2). */
export interface UsageErrorDocument extends JsonDocumentBase {
  /** The command, or null when it was missing or unknown. */
  readonly command: string | null;
  readonly ok: false;
  readonly exitCode: 2;
  readonly issues: readonly CliIssue[];
}

/** `dockwright --version --json`. */
export interface VersionDocument {
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly command: 'version';
  readonly version: string;
}

/** `dockwright render --json`. */
export type RenderDocument = RenderReport;

/** `dockwright lock --json`. */
export type LockDocument = LockReport;

/** Every document a command prints with `--json`. */
export type JsonDocument = RenderDocument | PrintDocument | LintDocument | FmtDocument | ImportDocument | LockDocument | UsageErrorDocument | VersionDocument;

/**
 * Prints one `--json` document on stdout, indented, with a final newline.
 *
 * @example
 * ```ts
 * printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'version', version: '0.1.0' });
 * ```
 */
export function printJson(io: Pick<Io, 'out'>, document: JsonDocument): void {
  io.out(`${JSON.stringify(document, wireShape, 2)}\n`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The issues of a `--json` document in the shapes it has always had (schema version 1), whatever
 * the one `Issue` shape adds in memory: an issue is `{ code, message, hint, path, location? }`, a
 * lint diagnostic `{ rule, severity, message, hint, line, column, endLine?, endColumn? }`. A
 * diagnostic (a string `code` and `message`, a `rule` and a `line`) loses its `where` and `code`
 * (its `rule` says it); an issue (a string `code` and `message`, a `path` and a `hint`) its `where`
 * and `severity`. The other members keep their order.
 *
 * @example
 * ```ts
 * JSON.stringify({ issues: [cliIssue('DWC1004', 'no such file: x', 'check the path')] }, wireShape);
 * // '{"issues":[{"code":"DWC1004","message":"no such file: x","hint":"check the path","path":{}}]}'
 * ```
 */
export function wireShape(_key: string, value: unknown): unknown {
  if (!isRecord(value) || typeof value['code'] !== 'string' || typeof value['message'] !== 'string') return value;
  const dropped = 'rule' in value && 'line' in value ? ['where', 'code'] : 'path' in value && 'hint' in value ? ['where', 'severity'] : [];
  return dropped.some((k) => k in value) ? Object.fromEntries(Object.entries(value).filter(([k]) => !dropped.includes(k))) : value;
}
