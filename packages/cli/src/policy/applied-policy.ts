import type { Dockerfile } from '@dockwright/core';
import type { CliIssue } from '../errors/cli-issue.js';

/** A policy file in force for a target, ready to check its Dockerfiles. */
export interface AppliedPolicy {
  /** The policy file, relative to the working directory. */
  readonly file: string;
  /** Problems the policy finds: errors fail the target (exit 1); warnings are printed only. */
  check(dockerfile: Dockerfile): { readonly errors: readonly CliIssue[]; readonly warnings: readonly CliIssue[] };
}
