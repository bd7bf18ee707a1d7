import type { CliIssue } from '../errors/cli-issue.js';
import type { Phase } from '../render/planned-file.js';

/** What happened to one file: `created`, `updated`, `unchanged` when rendering; `current`, `missing`, `stale` when checking. */
export type FileStatus = 'created' | 'updated' | 'unchanged' | 'current' | 'missing' | 'stale';

/** One file of a target, paths relative to the working directory, `/`-separated. */
export interface FileReport {
  readonly path: string;
  readonly kind: 'dockerfile' | 'dockerignore';
  readonly status: FileStatus;
  /** For a Dockerfile whose target gave one: the build context, for `docker build -f <path> <context>`. */
  readonly context?: string;
  /** For a missing or stale file: the unified diff from the file on disk to what the target renders. */
  readonly diff?: string;
}

/** One target: its files, or where it failed and every problem. */
export interface TargetReport {
  readonly file: string;
  readonly ok: boolean;
  readonly phase?: Phase;
  readonly issues: readonly CliIssue[];
  /** The policy file applied to the target, relative to the working directory, if there is one. */
  readonly policy?: string;
  /** What the policy reports as warnings (`warn` in its `rules`): shown, but the target succeeds. */
  readonly warnings: readonly CliIssue[];
  readonly files: readonly FileReport[];
}

/** The result of `dockwright render`, and the document `--json` prints. */
export interface RenderReport {
  readonly command: 'render';
  readonly check: boolean;
  readonly ok: boolean;
  readonly exitCode: 0 | 1;
  readonly summary: {
    readonly targets: number;
    readonly failed: number;
    readonly files: number;
    readonly created: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly current: number;
    readonly missing: number;
    readonly stale: number;
    readonly warnings: number;
  };
  readonly targets: readonly TargetReport[];
}

/**
 * Counts files by status and targets by outcome, and sets `ok` and `exitCode`: 1 when a target
 * failed or, with `--check`, a file is missing or stale.
 *
 * @example
 * ```ts
 * const report = summarize(true, targets);
 * process.exitCode = report.exitCode;
 * ```
 */
export function summarize(check: boolean, targets: readonly TargetReport[]): RenderReport {
  const files = targets.flatMap((t) => t.files);
  const count = (status: FileStatus) => files.filter((f) => f.status === status).length;
  const failed = targets.filter((t) => !t.ok).length;
  const ok = failed === 0 && count('missing') + count('stale') === 0;
  return {
    command: 'render',
    check,
    ok,
    exitCode: ok ? 0 : 1,
    summary: {
      targets: targets.length,
      failed,
      files: files.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      current: count('current'),
      missing: count('missing'),
      stale: count('stale'),
      warnings: targets.reduce((n, t) => n + t.warnings.length, 0),
    },
    targets,
  };
}
