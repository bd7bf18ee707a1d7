import type { CliIssue } from '../errors/cli-issue.js';
import type { FailedTarget } from './collect-locks.js';
import type { JSON_SCHEMA_VERSION } from '../output/json-schema-version.js';

/**
 * What happened to one image: when locking `added`, `updated`, `unchanged` (resolved again, same
 * digest), `kept` (not asked for) or `removed` (no target uses it); when checking `current`,
 * `missing`, `moved` or `unused`; `failed` when the registry could not say.
 */
export type LockStatus = 'added' | 'updated' | 'unchanged' | 'kept' | 'removed' | 'current' | 'missing' | 'moved' | 'unused' | 'failed';

/** One image in the report. */
export interface ImageReport {
  readonly key: string;
  readonly status: LockStatus;
  /** The digest in the lockfile after the run (for `check`, the one recorded). */
  readonly digest?: string;
  /** The digest the lockfile had before, when it changed, or the registry's now, when it moved. */
  readonly previous?: string;
  readonly registryDigest?: string;
  readonly platforms?: readonly string[];
  readonly usedBy: readonly string[];
}

/** The result of `dockwright lock`, and the document `--json` prints. */
export interface LockReport {
  /** The version of this document's shape (see docs/cli.md, "JSON output"). */
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly command: 'lock';
  readonly mode: 'lock' | 'update' | 'check';
  readonly ok: boolean;
  readonly exitCode: 0 | 1;
  /** The lockfile, relative to the working directory. */
  readonly lockfile: string;
  /** Whether the lockfile was written (never on failure, never with --check). */
  readonly written: boolean;
  readonly images: readonly ImageReport[];
  readonly targets: readonly FailedTarget[];
  /** Every problem: registry failures, check failures. */
  readonly issues: readonly CliIssue[];
}
