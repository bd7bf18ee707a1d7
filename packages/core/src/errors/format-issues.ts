// The one formatter of a problem line. It imports no other layer at run time, so the CLI loads it
// (as `@dockwright/core/format-issues`) to print usage errors before the rest of core.
import { asIssue, type Issue, type IssueInput, type IssuePath, type IssueWhere } from './issue.js';
import type { Severity } from './severity.js';

/**
 * Formats the location of an issue as `stage "build", RUN #3`.
 *
 * @example
 * ```ts
 * formatPath({ stage: 'build', instruction: 'RUN', index: 3 }); // 'stage "build", RUN #3'
 * ```
 */
export function formatPath(path: IssuePath): string {
  const parts: string[] = [];
  if (path.stage !== undefined) parts.push(`stage "${path.stage}"`);
  if (path.instruction !== undefined) {
    parts.push(path.index === undefined ? path.instruction : `${path.instruction} #${path.index}`);
  }
  return parts.length === 0 ? 'Dockerfile' : parts.join(', ');
}

/**
 * The two layouts of a problem line. `message-first`, as `DockwrightError.message` and the CLI
 * print: `✖ CODE message (where)`. `place-first`, as lint prints: `✖ file:line:column CODE message`.
 */
export type IssueLayout = 'message-first' | 'place-first';

/** Colour (or any other wrapping) of the parts of a line; each part is left as it is when absent. */
export interface IssueStyle {
  readonly mark?: (mark: string, severity: Severity) => string;
  readonly code?: (code: string) => string;
  readonly place?: (place: string) => string;
  /** The fix line's text, `→ hint`, without the indent before it. */
  readonly hint?: (line: string) => string;
}

/** How `formatIssues()` writes each problem. */
export interface FormatIssueOptions {
  /** `message-first` (the default) or `place-first`. */
  readonly layout?: IssueLayout;
  /** `place-first`: the file of an issue whose `where` names none (default `Dockerfile`). */
  readonly file?: string;
  /** The mark of every line, instead of the one of each issue's severity (`✖`, `⚠`, `ℹ`). */
  readonly mark?: string;
  /** `message-first`: name `where.path` when the issue has no file (default true, by `formatPath()`), or how to name it. */
  readonly paths?: boolean | ((path: IssuePath) => string);
  readonly style?: IssueStyle;
}

const MARKS: Readonly<Record<Severity, string>> = { error: '✖', warning: '⚠', info: 'ℹ' };

const same = (text: string) => text;

// `file:line:column`, or the file alone when there is no range.
function filePlace(file: string, where: IssueWhere): string {
  return where.range === undefined ? file : `${file}:${where.range.start.line}:${where.range.start.column}`;
}

function placeOf(where: IssueWhere, options: FormatIssueOptions): string | undefined {
  if (options.layout === 'place-first') return filePlace(where.file ?? options.file ?? 'Dockerfile', where);
  if (where.file !== undefined) return `at ${filePlace(where.file, where)}`;
  if (options.paths === false || where.path === undefined) return undefined;
  return typeof options.paths === 'function' ? options.paths(where.path) : formatPath(where.path);
}

/**
 * Formats one problem: its line in the layout asked for, then `  → hint` when it has a hint.
 * Any problem shape is read through `asIssue()`.
 *
 * @example
 * ```ts
 * import { formatIssue, issue } from '@dockwright/core';
 * formatIssue(issue('DW3001', 'the final stage runs as root', 'call .user(10001)', { stage: 'app' }));
 * // '✖ DW3001 the final stage runs as root (stage "app")\n  → call .user(10001)'
 * formatIssue({ code: 'DW3005', severity: 'warning', message: 'RUN uses sudo', hint: 'drop sudo', where: { range: { start: { line: 2, column: 1 }, end: { line: 2, column: 14 } } } }, { layout: 'place-first' });
 * // '⚠ Dockerfile:2:1 DW3005 RUN uses sudo\n  → drop sudo'
 * ```
 */
export function formatIssue(found: Issue | IssueInput, options: FormatIssueOptions = {}): string {
  const i = asIssue(found);
  const style = options.style ?? {};
  const mark = (style.mark ?? same)(options.mark ?? MARKS[i.severity], i.severity);
  const code = (style.code ?? same)(i.code);
  const at = placeOf(i.where ?? {}, options);
  const place = at === undefined ? undefined : (style.place ?? same)(at);
  const line = options.layout === 'place-first' ? `${mark} ${place} ${code} ${i.message}` : `${mark} ${code} ${i.message}${place === undefined ? '' : ` (${place})`}`;
  return i.hint === undefined ? line : `${line}\n  ${(style.hint ?? same)(`→ ${i.hint}`)}`;
}

/**
 * Formats problems one after another (`formatIssue()` each, joined by line breaks): the form
 * `DockwrightError.message`, the CLI's problem lines and `formatDiagnostics()` all print.
 *
 * @example
 * ```ts
 * formatIssues([issue('DW3001', 'the final stage runs as root', 'call .user(10001)', { stage: 'app' })]);
 * // '✖ DW3001 the final stage runs as root (stage "app")\n  → call .user(10001)'
 * formatIssues(lintDockerfile('FROM debian:12\nRUN sudo true\nUSER 1\n'), { layout: 'place-first', file: 'Dockerfile' });
 * // '⚠ Dockerfile:2:1 DW3005 RUN uses sudo\n  → run the step as root before USER ...'
 * ```
 */
export function formatIssues(issues: readonly (Issue | IssueInput)[], options: FormatIssueOptions = {}): string {
  return issues.map((i) => formatIssue(i, options)).join('\n');
}
