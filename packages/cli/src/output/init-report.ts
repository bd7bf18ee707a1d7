import type { CliIssue } from '../errors/cli-issue.js';

/** One target module `init` wrote, or left alone because it (or another target of its directory) was there. */
export interface InitTargetReport {
  readonly file: string;
  readonly kind: 'node' | 'go' | 'python' | 'rust' | 'java' | 'static';
  readonly description: string;
  readonly status: 'created' | 'exists' | 'planned';
  /** The Dockerfiles `render` will write for it. */
  readonly dockerfiles: readonly string[];
}

/** The result of `dockwright init`, and the document `--json` prints. Paths relative to the working directory. */
export interface InitReport {
  readonly command: 'init';
  readonly ok: boolean;
  readonly exitCode: 0 | 1;
  readonly dir: string;
  readonly targets: readonly InitTargetReport[];
  /** Directories looked at and left out, and why (a library, a Go module without main package). */
  readonly skipped: readonly { readonly dir: string; readonly reason: string }[];
  /** Files that were there (DWC6002), and what to look at before building (DWC6003). */
  readonly issues: readonly CliIssue[];
  readonly notes: readonly string[];
  /** The commands to run next. */
  readonly next: readonly string[];
}
