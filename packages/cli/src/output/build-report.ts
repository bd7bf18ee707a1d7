import type { StepSummary } from '../build/build-log.js';
import type { CliIssue } from '../errors/cli-issue.js';
import type { RenderReport } from './render-report.js';

/** What happened to one build: `built`, `failed`, `skipped` (an image it uses failed), `planned` (`--dry-run`). */
export type BuildStatus = 'built' | 'failed' | 'skipped' | 'planned';

/** One Dockerfile's build; paths relative to the working directory, `/`-separated. */
export interface BuildTargetReport {
  readonly name: string;
  /** The target module. */
  readonly file: string;
  readonly dockerfile: string;
  readonly context: string;
  readonly tags: readonly string[];
  /** The builds whose images it uses, which were built first. */
  readonly dependsOn: readonly string[];
  readonly status: BuildStatus;
  /** The engine command, as a shell would read it. */
  readonly command: string;
  /** The image id (`sha256:...`) of what was built. */
  readonly imageId?: string;
  /** The manifest digest in the registry, after `--push`. */
  readonly digest?: string;
  /** Wall time of the build (and push), in seconds. */
  readonly seconds?: number;
  /** Its steps from the engine's log: how many, how many cached, which ran. */
  readonly steps?: StepSummary;
  readonly issues: readonly CliIssue[];
  /** The engine's whole log, for a build that failed. */
  readonly log?: string;
}

/** The result of `dockwright build`, and the document `--json` prints. */
export interface BuildReport {
  readonly command: 'build';
  readonly ok: boolean;
  readonly exitCode: 0 | 1;
  readonly dryRun: boolean;
  /** The client and builder used (`buildx`, or `docker build` with BuildKit). */
  readonly engine?: { readonly client: string; readonly builder: 'buildx' | 'docker build' };
  readonly summary: { readonly targets: number; readonly built: number; readonly failed: number; readonly skipped: number; readonly seconds: number };
  /** The render that came first: every target's files, as `dockwright render --json` gives them. */
  readonly render: RenderReport;
  readonly builds: readonly BuildTargetReport[];
  /** Problems that did not stop the run, such as a configured secret whose file is not there. */
  readonly warnings: readonly CliIssue[];
  /** A problem of the whole run (the engine not answering), when there is one. */
  readonly issues: readonly CliIssue[];
}
