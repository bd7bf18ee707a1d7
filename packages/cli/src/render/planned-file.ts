import type { CliIssue } from '../errors/cli-issue.js';
import type { Target } from '../targets/target.js';

/** A file a target renders: where it goes and its exact text. */
export interface PlannedFile {
  readonly kind: 'dockerfile' | 'dockerignore';
  /** Absolute path. */
  readonly path: string;
  readonly content: string;
  /** For a Dockerfile whose target said so: the build context, absolute. */
  readonly context?: string;
}

/** Where in the pipeline a target failed. */
export type Phase = 'load' | 'build' | 'export' | 'render' | 'check' | 'write';

/** A target after loading and rendering: its files, or why it failed. */
export interface TargetOutcome {
  readonly target: Target;
  readonly files: readonly PlannedFile[];
  readonly failure?: { readonly phase: Phase; readonly issues: readonly [CliIssue, ...CliIssue[]] };
}

/**
 * A check that runs on every rendered target before anything is written, such as an
 * organisation's policy. It returns problems as data; any problem fails the target (exit 1).
 */
export type TargetCheck = (target: Target, files: readonly PlannedFile[]) => readonly CliIssue[];
