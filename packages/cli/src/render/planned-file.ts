import type { DockerfileNode } from '@dockwright/core';
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
  /** For a Dockerfile: the AST its text was rendered from (locked digests filled in), for `build` and `bake`. */
  readonly ast?: DockerfileNode;
}

/** Where in the pipeline a target failed. */
export type Phase = 'load' | 'build' | 'export' | 'render' | 'policy' | 'write';

/** A target after loading and rendering: its files, or why it failed. */
export interface TargetOutcome {
  readonly target: Target;
  readonly files: readonly PlannedFile[];
  readonly failure?: { readonly phase: Phase; readonly issues: readonly [CliIssue, ...CliIssue[]] };
  /** The policy file applied to the target, relative to the working directory. */
  readonly policy?: string;
  /** Problems the policy reports as warnings: printed, but the target still succeeds. */
  readonly warnings?: readonly CliIssue[];
  /** What the target's presets chose that the user may want to change (`PresetResult.notes`). */
  readonly notes?: readonly string[];
}
